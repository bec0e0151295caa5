namespace MlRisk.Core.Pipeline;

/// <summary>A run as written to artifacts/runs/&lt;run_id&gt;/summary.json and returned by /runs/latest.</summary>
public sealed record RunSummary(
    string RunId,
    string Trigger,
    DateTimeOffset StartedUtc,
    DateTimeOffset FinishedUtc,
    StageStatus Status,
    IReadOnlyList<StageSummary> Stages,
    string? Error);
