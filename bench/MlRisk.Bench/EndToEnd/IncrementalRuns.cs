namespace MlRisk.Bench.EndToEnd;

/// <summary>
/// One source's incremental one-day runs: the lake one session behind, then <see cref="Session"/> added through every
/// stage, once with a retrain due (Retrain:CadenceLabels = 1: the new label asks for it) and once with none due (the
/// default cadence of 5 new labels).
/// </summary>
public sealed record IncrementalRuns(string Source, DateOnly Session, IReadOnlyList<PipelineRun> RetrainDue, IReadOnlyList<PipelineRun> NoRetrainDue);
