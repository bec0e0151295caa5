using System.Text.Json;
using MlRisk.Core.Observability;

namespace MlRisk.Core.Serving;

/// <summary><see cref="IRunSummaryReader"/> over the run summaries the pipeline writes.</summary>
public sealed class RunSummaryReader(IRunSummaryStore store) : IRunSummaryReader
{
    public async Task<JsonElement?> LatestAsync(CancellationToken ct)
    {
        var summary = await store.ReadLatestAsync(ct);
        return summary is null ? null : JsonSerializer.SerializeToElement(summary, RunSummaryJson.Options);
    }
}
