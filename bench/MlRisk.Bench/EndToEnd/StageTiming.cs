using MlRisk.Core.Pipeline;

namespace MlRisk.Bench.EndToEnd;

/// <summary>One stage of a run summary: its wall time and the partitions it wrote.</summary>
public sealed record StageTiming(StageName Stage, string Status, double DurationMs, long PartitionsWritten);
