
namespace MlRisk.Core.Pipeline;

/// <summary>Where run summaries are kept; the serving layer returns <see cref="ReadLatestAsync"/> at /runs/latest.</summary>
public interface IRunSummaryStore
{
    Task WriteAsync(RunSummary summary, CancellationToken ct);

    /// <summary>The summary of the most recently started run, or null when no run has been recorded.</summary>
    Task<RunSummary?> ReadLatestAsync(CancellationToken ct);

    /// <summary>Where the summary of <paramref name="runId"/> is kept, for messages (a path or a URL).</summary>
    string Describe(string runId) => $"runs/{runId}/summary.json";
}
