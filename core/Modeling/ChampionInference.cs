using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// The infer stage's work on data it has already read: loads the champion and its walk-forward predictions
/// from the registry and plans the predictions_daily rows (<see cref="PredictionPlanner"/>).
/// </summary>
public sealed class ChampionInference(ModelRegistry registry)
{
    /// <summary>
    /// The dates the champion will not forecast (<see cref="PredictionPlanner.HorizonGap"/>), so that a run with
    /// nothing else pending can tell from listings that infer has nothing to do. Empty when no champion's training
    /// window reads: then infer takes its full path, which says why.
    /// </summary>
    public async Task<IReadOnlySet<DateOnly>> HorizonGapAsync(CancellationToken ct)
    {
        try
        {
            return await registry.ReadChampionAsync(ct) is { } champion
                ? PredictionPlanner.HorizonGap((await registry.ReadTrainingWindowAsync(champion.Version, ct)).TrainingTo)
                : new HashSet<DateOnly>();
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
        {
            return new HashSet<DateOnly>();
        }
    }

    /// <exception cref="NoChampionException">no model has passed the gate.</exception>
    public async Task<IReadOnlyList<PredictionRow>> PlanAsync(
        IReadOnlyList<FeatureRow> features, IReadOnlySet<DateOnly> predicted, CancellationToken ct)
    {
        var champion = await registry.ReadChampionAsync(ct)
            ?? throw new NoChampionException(
                $"no model has passed the gate yet ({registry.ChampionLocation} does not exist); " +
                "run train and check its gate decision in the run summary");
        ModelMetadata metadata;
        try
        {
            metadata = await registry.ReadMetadataAsync(champion.Version, ct);
        }
        catch (OtherModelDefinitionException e)
        {
            throw new NoChampionException(
                $"the champion cannot forecast for this build ({e.Message}); the train stage fits and promotes a model of this " +
                "definition when its gate passes: check its decision in the run summary");
        }
        using var model = await registry.LoadModelAsync(metadata, ct);
        var walkForward = await registry.ReadCvPredictionsAsync(champion.Version, ct);
        return new PredictionPlanner(champion.Version, metadata.TrainingTo, walkForward, model).Plan(features, predicted);
    }
}
