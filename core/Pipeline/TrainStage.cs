using Microsoft.Extensions.Logging;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;
using MlRisk.Core.Monitoring;
using Microsoft.Extensions.Options;

namespace MlRisk.Core.Pipeline;

/// <summary>
/// Train: first decides whether a model is due (<see cref="RetrainPolicy"/>); when none is, it reads no Parquet and
/// says why. Otherwise walk-forward over features_daily × labels_daily (read through <see cref="DecodedSnapshotReader"/>) (folds unchanged since an earlier run come from
/// the fold cache), final fit, gate against the baseline and the champion, registry. A version already stored for
/// the same rows and settings is not trained again. The stage fails while no model has ever passed the gate, so a
/// pipeline without a servable model exits non-zero with the numbers.
/// </summary>
public sealed class TrainStage(
    DecodedSnapshotReader reader, RetrainPolicy policy, ModelTrainer trainer, MonitorReferenceStore references,
    IOptions<MonitoringOptions> monitoring, ILogger<TrainStage> log) : IStage
{
    public StageName Name => StageName.Train;

    public async Task<StageResult> RunAsync(CancellationToken ct)
    {
        var decision = await policy.DecideAsync(ct);
        log.LogInformation("Train {Decision} ({Reason}): {Detail}", decision.Train ? "runs" : "skipped", RetrainReasonName.Of(decision.Reason), decision.Detail);
        if (!decision.Train) return new StageResult(Name, 0, [], []) { Retrain = decision };

        var features = await reader.ReadAllAsync(Datasets.FeaturesDaily, ct);
        var labels = await reader.ReadAllAsync(Datasets.LabelsDaily, ct);
        var outcome = await trainer.TrainAsync(features.Rows, labels.Rows, $"{RetrainReasonName.Of(decision.Reason)}: {decision.Detail}", ct);
        log.LogInformation("Model {Version}: {Gate}\n{Accuracy}", outcome.Version, outcome.Gate.Summary, outcome.Accuracy.ToText());
        if (outcome.Promoted && !await references.ExistsAsync(outcome.Version, monitoring.Value.WindowSessions, ct))
        {
            // The monitor judges the champion's forecasts against its training window; built now, while the rows are in memory.
            var set = TrainingSet.Join(features.Rows, labels.Rows);
            await references.WriteAsync(outcome.Version, MonitorReference.Of(set, set.Rows, monitoring.Value.WindowSessions), ct);
        }

        var result = new StageResult(Name, features.Rows.Count + labels.Rows.Count, [], [.. features.StrayTempFiles, .. labels.StrayTempFiles])
        {
            Training = outcome,
            Retrain = decision,
        };
        // NoChampion also covers a champion of another model definition or with damaged files: none of them can be served.
        if (!outcome.Gate.Passed && decision.Reason == RetrainReason.NoChampion)
        {
            throw new StageFailedException(
                $"model {outcome.Version} failed the gate and no earlier model can be served ({decision.Detail}): {outcome.Gate.Summary}", result);
        }
        return result;
    }
}
