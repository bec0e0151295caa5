using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;

namespace MlRisk.Core.Serving;

/// <summary>
/// <see cref="IChampionModel"/> over the model registry. Every call stamps champion.json (a stat of the file, a HEAD
/// of the blob for its ETag), so a promotion is served at once, but it is read and the model loaded only when that
/// stamp changes: reading and parsing the
/// pointer on each request cost more than the forecast itself. A replaced model is dropped, not disposed,
/// because requests in flight may still use it: its SafeHandle frees the native booster when the last of them
/// is done.
/// </summary>
public sealed class RegistryChampionModel(ModelRegistry registry) : IChampionModel
{
    private readonly SemaphoreSlim _load = new(1, 1);
    private volatile Loaded? _loaded;

    public async Task<ChampionState> GetAsync(CancellationToken ct)
    {
        var stamp = await registry.ChampionStampAsync(ct);
        if (stamp is null) return await NoChampionAsync(null, ct);
        if (_loaded is { } loaded && loaded.Stamp == stamp.Value) return loaded.State;

        await _load.WaitAsync(ct);
        try
        {
            if (_loaded is { } raced && raced.Stamp == stamp.Value) return raced.State;
            var champion = await registry.ReadChampionAsync(ct);
            if (champion is null) return await NoChampionAsync(null, ct);
            var state = _loaded is { } previous && previous.Version == champion.Version
                ? previous.State
                : await LoadAsync(champion.Version, ct);
            // Only a served model is kept: an unservable champion's answer names the latest candidate, which a
            // training run can change without touching champion.json.
            if (state.HasChampion) _loaded = new Loaded(stamp.Value, champion.Version, state);
            return state;
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
        {
            // Not cached: a file restored without a new promotion is served on the next request.
            return ChampionState.Unreadable($"the champion does not load: {e.Message}");
        }
        finally
        {
            _load.Release();
        }
    }

    private async Task<ChampionState> LoadAsync(string version, CancellationToken ct)
    {
        ModelMetadata metadata;
        try
        {
            metadata = await registry.ReadMetadataAsync(version, ct);
        }
        catch (OtherModelDefinitionException e)
        {
            // A registry from before an upgrade: nothing to serve until a model of this definition passes the gate,
            // and that is not a server error.
            return await NoChampionAsync($"champion {version} cannot be served by this build ({e.Message})", ct);
        }
        var model = await registry.LoadModelAsync(metadata, ct, singleRowCopies: Environment.ProcessorCount);
        return ChampionState.Serving(new ExplainingForecaster(model), ModelCard.Of(metadata));
    }

    /// <param name="unservable">Why the promoted champion cannot be served, or null when none was promoted.</param>
    private async Task<ChampionState> NoChampionAsync(string? unservable, CancellationToken ct)
    {
        var nothing = unservable ?? "no model has passed the gate";
        var latest = await registry.LatestVersionAsync(ct);
        if (latest is null)
        {
            return ChampionState.None("no model has been trained yet: run the pipeline (./mlrisk run) to train one", null);
        }
        ModelMetadata metadata;
        try
        {
            metadata = await registry.ReadMetadataAsync(latest, ct);
        }
        catch (OtherModelDefinitionException e)
        {
            return ChampionState.None($"{nothing}, and the latest model, {latest}, cannot be read by this build: {e.Message}", null);
        }
        var verdict = metadata.Gate.Passed
            ? $"the latest model, {latest}, passed the gate but was not promoted (its run stopped first): rerun the pipeline (./mlrisk run) to promote it"
            : $"the latest model, {latest}, failed the gate: {metadata.Gate.Summary}";
        return ChampionState.None($"{nothing}; {verdict}", ModelCard.Of(metadata));
    }

    private sealed record Loaded(ArtifactStamp Stamp, string Version, ChampionState State);
}
