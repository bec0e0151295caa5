using MlRisk.Core.Pipeline;

namespace MlRisk.Bench.EndToEnd;

/// <summary>One measured pipeline process: what the process cost and what its run summary says each stage did.</summary>
public sealed record PipelineRun(string Scenario, int Repeat, double WallSeconds, double PeakRssMiB, RunSummaryFile Summary)
{
    public long PartitionsWritten => Summary.Stages.Sum(s => s.PartitionsWritten);

    public double StageMs(StageName stage) =>
        Summary.Stages.FirstOrDefault(s => s.Stage == stage)?.DurationMs
        ?? throw new InvalidDataException($"{Summary.Path}: no stage '{stage}' in run {Summary.RunId}");
}
