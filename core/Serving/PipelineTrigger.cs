using MlRisk.Core.Pipeline;

namespace MlRisk.Core.Serving;

/// <summary><see cref="IPipelineTrigger"/> over the pipeline runner: a failed stage fails the timer invocation.</summary>
public sealed class PipelineTrigger(IPipelineRunner runner) : IPipelineTrigger
{
    public async Task RunAsync(IReadOnlyList<StageName> stages, string trigger, CancellationToken ct)
    {
        var summary = await runner.RunAsync(stages, trigger, ct);
        if (summary.Status != StageStatus.Succeeded)
        {
            throw new InvalidOperationException($"run {summary.RunId} ({trigger}) failed: {summary.Error}");
        }
    }
}
