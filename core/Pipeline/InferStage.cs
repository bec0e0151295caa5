using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;

namespace MlRisk.Core.Pipeline;

/// <summary>
/// Infer: a prediction with its top-3 SHAP drivers for every features_daily date without one. Dates the
/// champion's walk-forward tested get their out-of-sample fold prediction; later dates get the champion's.
/// </summary>
public sealed class InferStage(LakeReader reader, PartitionWriter writer, ChampionInference inference) : IStage
{
    public StageName Name => StageName.Infer;

    public async Task<StageResult> RunAsync(RunContext context, CancellationToken ct)
    {
        var features = await reader.ReadAllAsync(Datasets.FeaturesDaily, ct);
        var stored = await reader.ListAsync(Datasets.PredictionsDaily, ct);
        var predicted = stored.Dates.ToHashSet();
        var pending = await inference.PlanAsync(features.Rows, predicted, ct);
        var write = await writer.WriteAsync(Datasets.PredictionsDaily, pending, ct);
        var skipped = write with { PartitionsSkipped = write.PartitionsSkipped + stored.Dates.Count };
        return new StageResult(Name, features.Rows.Count, [skipped], [.. features.StrayTempFiles, .. stored.StrayTempFiles]);
    }
}
