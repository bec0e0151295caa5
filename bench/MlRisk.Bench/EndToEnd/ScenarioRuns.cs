namespace MlRisk.Bench.EndToEnd;

/// <summary>The cold runs and no-op re-runs of one source, and the lake the last cold run left for later benches.</summary>
public sealed record ScenarioRuns(string Source, IReadOnlyList<PipelineRun> Cold, IReadOnlyList<PipelineRun> NoOp, LakeFolder Lake);
