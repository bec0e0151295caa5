
namespace MlRisk.Core.Pipeline;

/// <summary>Starts pipeline stages on behalf of a timer (Functions host or the in-process scheduler).</summary>
public interface IPipelineTrigger
{
    /// <summary>
    /// Runs <paramref name="stages"/> in the given order as one run. Stages are idempotent, so a repeated or
    /// past-due trigger only does what is pending. <paramref name="trigger"/> names the cause for logs and the
    /// run summary (e.g. "timer:Ingest", "startup:DailyRun"). Throws when a stage fails.
    /// </summary>
    Task RunAsync(IReadOnlyList<StageName> stages, string trigger, CancellationToken ct);
}
