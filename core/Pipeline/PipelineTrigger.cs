namespace MlRisk.Core.Pipeline;

/// <summary>The serving layer's timers start runs through this: a failed run becomes an exception naming the stage.</summary>
public sealed class PipelineTrigger(PipelineRunner runner) : IPipelineTrigger
{
    public async Task RunAsync(IReadOnlyList<StageName> stages, string trigger, CancellationToken ct)
    {
        var run = await runner.RunAsync(stages, trigger, ct);
        if (run.Status == StageStatus.Failed)
        {
            throw new InvalidOperationException($"Run {run.RunId} ({trigger}) failed: {run.Error}");
        }
    }
}
