using System.Text.Json;
using MlRisk.Core.Serving;

namespace MlRisk.Core.Observability;

/// <summary>/runs/latest: the newest run summary as stored, in the one JSON shape of <see cref="RunSummaryJson"/>.</summary>
public sealed class LatestRunSummaryReader(IRunSummaryStore store) : IRunSummaryReader
{
    public async Task<JsonElement?> LatestAsync(CancellationToken ct) =>
        await store.ReadLatestAsync(ct) is { } summary ? JsonSerializer.SerializeToElement(summary, RunSummaryJson.Options) : null;
}
