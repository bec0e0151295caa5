using MlRisk.Core.Features;
using MlRisk.Core.Lake;

namespace MlRisk.Core.Pipeline;

/// <summary>Features: builds features_daily over the full curated history and writes the dates not stored yet.</summary>
public sealed class FeaturesStage(LakeReader reader, PartitionWriter writer) : IStage
{
    public StageName Name => StageName.Features;

    public async Task<StageResult> RunAsync(RunContext context, CancellationToken ct)
    {
        var curated = await reader.ReadAllAsync(Datasets.CuratedMarketDaily, ct);
        var stored = await reader.ListAsync(Datasets.FeaturesDaily, ct);
        var features = FeatureBuilder.Build(curated.Rows);
        var pending = features.Where(f => !stored.Contains(f.Date)).ToList();
        var write = await writer.WriteAsync(Datasets.FeaturesDaily, pending, ct);
        var skipped = write with { PartitionsSkipped = write.PartitionsSkipped + features.Count - pending.Count };
        return new StageResult(Name, curated.Rows.Count, [skipped], [.. curated.StrayTempFiles, .. stored.StrayTempFiles]);
    }
}
