using System.Text.Json;
using MlRisk.Core.Modeling;

namespace MlRisk.Core.Serving;

/// <summary>
/// <see cref="IChampionModel"/> over the model registry: champion.json is read on every call (a few hundred
/// bytes) so a promotion is served at once; the model itself is loaded once per version. A replaced model is
/// dropped, not disposed, because requests in flight may still use it: its SafeHandle frees the native
/// booster when the last of them is done.
/// </summary>
public sealed class RegistryChampionModel(ModelRegistry registry) : IChampionModel
{
    private readonly SemaphoreSlim _load = new(1, 1);
    private (string Version, ChampionState State)? _loaded;

    public async Task<ChampionState> GetAsync(CancellationToken ct)
    {
        var champion = await registry.ReadChampionAsync(ct);
        if (champion is null) return await NoChampionAsync(ct);
        if (_loaded is { } loaded && loaded.Version == champion.Version) return loaded.State;

        await _load.WaitAsync(ct);
        try
        {
            if (_loaded is { } raced && raced.Version == champion.Version) return raced.State;
            var metadata = await registry.ReadMetadataAsync(champion.Version, ct);
            var model = await registry.LoadModelAsync(metadata, ct);
            var state = ChampionState.Serving(new ExplainingForecaster(model), Card(metadata));
            _loaded = (champion.Version, state);
            return state;
        }
        finally
        {
            _load.Release();
        }
    }

    private async Task<ChampionState> NoChampionAsync(CancellationToken ct)
    {
        var latest = registry.LatestVersion();
        if (latest is null)
        {
            return ChampionState.None("no model has been trained yet: run the pipeline (./mlrisk run) to train one", null);
        }
        var metadata = await registry.ReadMetadataAsync(latest, ct);
        return ChampionState.None($"model {latest} failed the gate, and no model has passed it: {metadata.Gate.Summary}", Card(metadata));
    }

    internal static ModelCard Card(ModelMetadata metadata)
    {
        var accuracy = metadata.Accuracy;
        BenchmarkScore[] scores =
        [
            new(BenchmarkScore.Candidate, accuracy.Model.Rmse, accuracy.Model.QLike),
            new(BenchmarkScore.Baseline, accuracy.Baseline.Rmse, accuracy.Baseline.QLike),
            new(BenchmarkScore.Har, accuracy.Har.Rmse, accuracy.Har.QLike),
            new(BenchmarkScore.HarX, accuracy.HarX.Rmse, accuracy.HarX.QLike),
        ];
        var gate = new GateDecision(metadata.Gate.Passed, metadata.Gate.Margin, metadata.Gate.Summary);
        return new ModelCard(metadata.Version, scores, gate, JsonSerializer.SerializeToElement(metadata, ModelRegistry.Json));
    }
}
