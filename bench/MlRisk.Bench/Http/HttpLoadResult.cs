namespace MlRisk.Bench.Http;

/// <summary>A bounded load run against POST /predict on 127.0.0.1: throughput, latency percentiles and failed requests.</summary>
public sealed record HttpLoadResult(
    string Tool,
    int Threads,
    int Connections,
    double Seconds,
    long Requests,
    double RequestsPerSecond,
    double P50Ms,
    double P99Ms,
    long FailedRequests,
    string FailureDetail);
