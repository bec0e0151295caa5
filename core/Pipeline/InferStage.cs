using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;

namespace MlRisk.Core.Pipeline;

/// <summary>
/// Infer: a prediction with its top-3 SHAP drivers for every features_daily date without one. Dates the
/// champion's walk-forward tested get their out-of-sample fold prediction; dates a label horizon past its training
/// get the champion's (<see cref="PredictionPlanner"/>).
/// Only the features of dates without a prediction are read.
/// </summary>
public sealed class InferStage(LakeReader reader, PartitionWriter writer, ChampionInference inference) : IStage
{
    public StageName Name => StageName.Infer;

    public async Task<StageResult> RunAsync(CancellationToken ct)
    {
        var upstream = await reader.ListAsync(Datasets.FeaturesDaily, ct);
        var stored = await reader.ListAsync(Datasets.PredictionsDaily, ct);
        var gap = await inference.HorizonGapAsync(ct);
        if (PendingDates.NoneCanBePending(upstream, stored, neverRows: gap))
        {
            return StageResult.NothingPending(Name, Datasets.PredictionsDaily, stored, upstream);
        }

        // Dates before the first stored prediction precede the first walk-forward block: no model can predict them.
        var features = await reader.ReadPartitionsAsync(Datasets.FeaturesDaily, upstream, PendingDates.Missing(upstream, stored, gap), ct);
        var predicted = stored.Dates.ToHashSet();
        var pending = await inference.PlanAsync(features.Rows, predicted, ct);
        var write = await writer.WriteAsync(Datasets.PredictionsDaily, pending, ct);
        var skipped = write with { PartitionsSkipped = write.PartitionsSkipped + stored.Dates.Count };
        return new StageResult(Name, features.Rows.Count, [skipped], [.. features.StrayTempFiles, .. stored.StrayTempFiles]);
    }
}
