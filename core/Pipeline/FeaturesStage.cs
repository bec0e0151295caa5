using MlRisk.Core.Contracts;
using MlRisk.Core.Features;
using MlRisk.Core.Lake;

namespace MlRisk.Core.Pipeline;

/// <summary>
/// Features: builds features_daily over the full curated history (Wilder RSI remembers its whole past, so a
/// trailing slice would not reproduce stored values) and writes the dates not stored yet, up to the last date
/// every symbol has reported: a date written while one symbol's bar is late would freeze a forward-filled
/// value forever, since partitions are never overwritten.
/// </summary>
public sealed class FeaturesStage(LakeReader reader, PartitionWriter writer) : IStage
{
    public StageName Name => StageName.Features;

    public async Task<StageResult> RunAsync(CancellationToken ct)
    {
        var upstream = await reader.ListAsync(Datasets.CuratedMarketDaily, ct);
        var stored = await reader.ListAsync(Datasets.FeaturesDaily, ct);
        if (PendingDates.NoneCanBePending(upstream, stored))
        {
            return StageResult.NothingPending(Name, Datasets.FeaturesDaily, stored, upstream);
        }

        var curated = await reader.ReadAllAsync(Datasets.CuratedMarketDaily, ct);
        var features = FeatureBuilder.Build(curated.Rows);
        var complete = LastDateAllSymbolsReported(curated.Rows);
        var pending = features.Where(f => f.Date <= complete && !stored.Contains(f.Date)).ToList();
        var write = await writer.WriteAsync(Datasets.FeaturesDaily, pending, ct);
        var skipped = write with { PartitionsSkipped = write.PartitionsSkipped + features.Count - pending.Count };
        return new StageResult(Name, curated.Rows.Count, [skipped], [.. curated.StrayTempFiles, .. stored.StrayTempFiles]);
    }

    private static DateOnly LastDateAllSymbolsReported(IReadOnlyList<CuratedRow> curated)
    {
        var last = new Dictionary<string, DateOnly>();
        foreach (var row in curated)
        {
            if (!last.TryGetValue(row.Symbol, out var date) || row.Date > date) last[row.Symbol] = row.Date;
        }
        return last.Count == 0 ? DateOnly.MinValue : last.Values.Min();
    }
}
