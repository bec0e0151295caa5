using System.Text.Json;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;

namespace MlRisk.Core.Pipeline;

/// <summary>
/// Run summaries as <c>runs/&lt;run_id&gt;/summary.json</c> in the artifact store (the artifacts folder, or the
/// artifacts container on the blob backend). Run ids start with the UTC start time, so the latest run is the
/// greatest name. Each is written whole, once (a run id is never reused), so a reader polling /runs/latest never
/// sees half a file.
/// </summary>
public sealed class ArtifactRunSummaryStore(IArtifactStore store) : IRunSummaryStore
{
    public const string FileName = "summary.json";

    private const string Runs = "runs";

    public string Describe(string runId) => store.Describe(PathOf(runId));

    public async Task WriteAsync(RunSummary summary, CancellationToken ct)
    {
        if (!await store.ReplaceAsync(PathOf(summary.RunId), JsonSerializer.SerializeToUtf8Bytes(summary, MlRiskJson.Files), null, ct))
        {
            throw new IOException($"{Describe(summary.RunId)} already exists: run ids are unique, so something else wrote it.");
        }
    }

    public async Task<RunSummary?> ReadLatestAsync(CancellationToken ct)
    {
        var latest = (await store.ListAsync(Runs, ct))
            .Where(path => path.Split('/') is [Runs, var runId, FileName] && !runId.StartsWith(TempFiles.Prefix, StringComparison.Ordinal))
            .OrderDescending(StringComparer.Ordinal)
            .FirstOrDefault();
        return latest is null
            ? null
            : await store.ReadAsync<RunSummary>(latest, "a run summary", "delete it: the next run writes a new one, and /runs/latest then returns that", ct);
    }

    private static string PathOf(string runId) => $"{Runs}/{runId}/{FileName}";
}
