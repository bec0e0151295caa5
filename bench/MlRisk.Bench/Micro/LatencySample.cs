namespace MlRisk.Bench.Micro;

/// <summary>Latencies of single calls, in microseconds.</summary>
public sealed record LatencySample(string Name, int Calls, double P50Us, double P99Us, double MaxUs);
