using MlRisk.Core.Features;
using MlRisk.Core.Lake;

namespace MlRisk.Core.Pipeline;

/// <summary>Labels: builds labels_daily from curated SPY returns and writes the dates not stored yet; reads nothing when the listings show nothing pending.</summary>
public sealed class LabelsStage(LakeReader reader, PartitionWriter writer) : IStage
{
    public StageName Name => StageName.Labels;

    public async Task<StageResult> RunAsync(CancellationToken ct)
    {
        var upstream = await reader.ListAsync(Datasets.CuratedMarketDaily, ct);
        var stored = await reader.ListAsync(Datasets.LabelsDaily, ct);
        if (PendingDates.NoneCanBePending(upstream, stored, unfinishedTail: LabelBuilder.Horizon))
        {
            return StageResult.NothingPending(Name, Datasets.LabelsDaily, stored, upstream);
        }

        var curated = await reader.ReadAllAsync(Datasets.CuratedMarketDaily, ct);
        var labels = LabelBuilder.Build(curated.Rows);
        var pending = labels.Where(l => !stored.Contains(l.Date)).ToList();
        var write = await writer.WriteAsync(Datasets.LabelsDaily, pending, ct);
        var skipped = write with { PartitionsSkipped = write.PartitionsSkipped + labels.Count - pending.Count };
        return new StageResult(Name, curated.Rows.Count, [skipped], [.. curated.StrayTempFiles, .. stored.StrayTempFiles]);
    }
}
