namespace MlRisk.Bench.Http;

/// <summary>
/// The loopback loads of one bench, in the order they ran: a discarded warm-up, then throughput at
/// <see cref="LoopbackHttpBench.ThroughputConnections"/> connections, the issue 4 target at
/// <see cref="LoopbackHttpBench.TargetConnections"/> and one connection.
/// </summary>
public sealed record HttpBenchResult(
    HttpLoadResult WarmUp,
    HttpLoadResult Throughput,
    HttpLoadResult Target,
    HttpLoadResult SingleConnection)
{
    public string Tool => Throughput.Tool;
}
