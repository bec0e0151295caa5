namespace MlRisk.Core.Pipeline;

/// <summary>One stage of a run as the run summary records it.</summary>
public sealed record StageSummary(
    StageName Stage, StageStatus Status, DateTimeOffset StartedUtc, double DurationMs, StageResult? Result, string? Error);
