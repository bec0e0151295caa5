using System.Text;
using System.Text.Json;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Core.Modeling;

/// <summary>
/// The model registry: models/&lt;version&gt;/{model.txt, cv_predictions.parquet, metadata.json} and models/champion.json
/// in an <see cref="IArtifactStore"/> (the artifacts folder, or a blob container on the blob backend). A version is
/// written as one folder whose commit marker is metadata.json (written last), so a reader never sees half a model
/// and a stored version is never rewritten; champion.json is replaced whole, conditional on the stamp read before.
/// </summary>
public sealed class ModelRegistry(IArtifactStore store, TimeProvider time)
{
    public const string ModelFile = "model.txt";
    public const string MetadataFile = "metadata.json";
    public const string ChampionFile = "champion.json";

    private const string Models = "models";
    private const string ChampionPath = $"{Models}/{ChampionFile}";

    /// <summary>The registry on a folder: <c>&lt;artifactsFolder&gt;/models/…</c>.</summary>
    public ModelRegistry(string artifactsFolder, TimeProvider time) : this(new FileSystemArtifactStore(artifactsFolder), time)
    {
    }

    /// <summary>Where the models are: a folder path or a blob URL prefix (for messages; a folder only on the folder store).</summary>
    public string ModelsFolder => store.Describe(Models);

    /// <summary>Where version <paramref name="version"/> is (a folder path or a blob URL prefix).</summary>
    public string VersionFolder(string version) => store.Describe(VersionPath(version));

    /// <summary>Where champion.json is (a path or a URL).</summary>
    public string ChampionLocation => store.Describe(ChampionPath);

    /// <summary>Where one file of a version is (a path or a URL).</summary>
    public string Location(string version, string file) => store.Describe($"{VersionPath(version)}/{file}");

    public async Task<bool> ExistsAsync(string version, CancellationToken ct) => await store.StampAsync(FilePath(version, MetadataFile), ct) is not null;

    /// <summary>
    /// Stores a trained model; returns false (and writes nothing) when the version is already stored. Training runs
    /// under the lake's run lock, so a folder without its metadata.json can only be what a killed run was writing:
    /// it is removed first.
    /// </summary>
    public async Task<bool> SaveAsync(
        ModelMetadata metadata, string modelText, IReadOnlyList<OutOfSamplePrediction> cvPredictions, CancellationToken ct)
    {
        if (await ExistsAsync(metadata.Version, ct)) return false;
        await store.RemoveLeftoversAsync(Models, MetadataFile, ct);
        return await store.WriteFolderAsync(VersionPath(metadata.Version),
        [
            new ArtifactFile(ModelFile, Encoding.UTF8.GetBytes(modelText)),
            new ArtifactFile(CvPredictionsFile.FileName, CvPredictionsFile.Encode(cvPredictions)),
            new ArtifactFile(MetadataFile, JsonSerializer.SerializeToUtf8Bytes(metadata, MlRiskJson.Files)),
        ], ct);
    }

    /// <summary>
    /// Points champion.json at a stored version, replacing it only if it is still the one read here: a promotion never
    /// silently undoes another it did not see.
    /// </summary>
    public async Task PromoteAsync(string version, CancellationToken ct)
    {
        if (!await ExistsAsync(version, ct))
        {
            throw new InvalidOperationException($"cannot promote model {version}: {VersionFolder(version)} holds no {MetadataFile}");
        }
        var current = await store.StampAsync(ChampionPath, ct);
        var pointer = JsonSerializer.SerializeToUtf8Bytes(new ChampionPointer(version, time.GetUtcNow()), MlRiskJson.Files);
        if (!await store.ReplaceAsync(ChampionPath, pointer, current, ct))
        {
            throw new IOException($"{ChampionLocation} changed while model {version} was being promoted: another process writes to the registry "
                + "outside the run lock. Stop it and rerun train.");
        }
    }

    /// <summary>
    /// A cheap change marker for champion.json (one stat or HEAD, no read), or null when there is no champion. A
    /// promotion replaces the file, so the marker changes with it.
    /// </summary>
    public Task<ArtifactStamp?> ChampionStampAsync(CancellationToken ct) => store.StampAsync(ChampionPath, ct);

    /// <summary>The served version, or null before any model passed the gate.</summary>
    public Task<ChampionPointer?> ReadChampionAsync(CancellationToken ct) =>
        store.ReadAsync<ChampionPointer>(ChampionPath, "a champion pointer",
            "delete it and rerun the pipeline (./mlrisk run): train promotes the newest stored model that passes the gate", ct);

    /// <exception cref="OtherModelDefinitionException">the model was trained under another model definition.</exception>
    public async Task<ModelMetadata> ReadMetadataAsync(string version, CancellationToken ct)
    {
        var bytes = await ReadAsync(version, MetadataFile, ct);
        var location = Location(version, MetadataFile);
        const string Fix = "restore it from a backup (the monitor needs it while the lake holds forecasts of this model)";
        // The definition first: an older definition's metadata may not have this one's shape.
        var definition = ArtifactJson.Parse<DefinitionOnly>(bytes, location, "model metadata", Fix).ModelDefinition;
        if (definition != ModelMetadata.Definition)
        {
            throw new OtherModelDefinitionException(
                $"{location} was trained under model definition {definition ?? "(none)"}, not {ModelMetadata.Definition}: " +
                "run train (./mlrisk run) to fit a model of this definition");
        }
        return ArtifactJson.Parse<ModelMetadata>(bytes, location, "model metadata", Fix);
    }

    private sealed record DefinitionOnly(string? ModelDefinition);

    /// <summary>The training window of a stored model of any definition (<see cref="TrainingWindow"/>), without the definition check.</summary>
    public async Task<TrainingWindow> ReadTrainingWindowAsync(string version, CancellationToken ct) =>
        ArtifactJson.Parse<TrainingWindow>(await ReadAsync(version, MetadataFile, ct), Location(version, MetadataFile),
            $"model metadata with the training window of model {version}",
            "restore it from a backup: without it the forecasts this model made cannot be monitored");

    /// <summary>Rebuilds a stored model exactly: LightGBM trees from model.txt, the log-HAR base and the predictive distribution from metadata.json.</summary>
    /// <param name="singleRowCopies">See <see cref="Booster.LoadFromString"/>: more than 0 only for the model that serves /predict.</param>
    public async Task<VolatilityModel> LoadModelAsync(ModelMetadata metadata, CancellationToken ct, int singleRowCopies = 0)
    {
        if (!metadata.FeatureNames.SequenceEqual(FeatureNames.All))
        {
            throw new InvalidDataException(
                $"model {metadata.Version} was trained on features [{string.Join(", ", metadata.FeatureNames)}], " +
                $"not the current [{string.Join(", ", FeatureNames.All)}]; retrain it");
        }
        var text = Encoding.UTF8.GetString(await ReadAsync(metadata.Version, ModelFile, ct));
        Booster trees;
        try
        {
            trees = Booster.LoadFromString(text, singleRowCopies: singleRowCopies);
        }
        catch (LightGbmException e)
        {
            throw new InvalidDataException(
                $"{Location(metadata.Version, ModelFile)} does not load in LightGBM ({e.Message}): restore it from a backup, or delete " +
                $"{store.Describe(VersionPath(metadata.Version))} and rerun the pipeline (./mlrisk run), which trains it again and promotes it if it passes the gate", e);
        }
        try
        {
            var distribution = new PredictiveDistribution(new ScaleModel(metadata.ScaleCoefficients),
                new QuantileGrid(metadata.Shocks), metadata.ReturnTail, metadata.RegimeCuts);
            return new VolatilityModel(new LogHarBase(metadata.BaseCoefficients, metadata.BaseMeans), trees, distribution);
        }
        catch
        {
            trees.Dispose();
            throw;
        }
    }

    /// <summary>The most recently trained stored version (versions start with their last training date), or null.</summary>
    public async Task<string?> LatestVersionAsync(CancellationToken ct) =>
        (await store.ListAsync(Models, ct))
            .Select(path => path.Split('/'))
            .Where(parts => parts.Length == 3 && parts[2] == MetadataFile && !parts[1].StartsWith(TempFiles.Prefix, StringComparison.Ordinal))
            .Select(parts => parts[1])
            .OrderDescending(StringComparer.Ordinal)
            .FirstOrDefault();

    public async Task<IReadOnlyList<OutOfSamplePrediction>> ReadCvPredictionsAsync(string version, CancellationToken ct) =>
        CvPredictionsFile.Decode(await ReadAsync(version, CvPredictionsFile.FileName, ct), Location(version, CvPredictionsFile.FileName));

    private static string VersionPath(string version) => $"{Models}/{version}";

    private const string Folds = "folds";

    private const string FoldFile = "predictions.parquet";

    /// <summary>
    /// The stored out-of-sample predictions of the walk-forward fold with key <paramref name="key"/> (<see cref="FoldKey"/>),
    /// or null when that fold was never computed: the cache that makes a daily retrain refit only its new folds.
    /// </summary>
    public async Task<OutOfSamplePrediction[]?> ReadFoldAsync(string key, CancellationToken ct)
    {
        var path = $"{Folds}/{key}/{FoldFile}";
        return await store.ReadAsync(path, ct) is { } bytes ? [.. CvPredictionsFile.Decode(bytes, store.Describe(path))] : null;
    }

    /// <summary>
    /// Stores folds' predictions under their keys; a key already stored is left as it is (it holds the same bits). Runs
    /// under the lake's run lock, so a fold folder without its file is what a killed run left: it is removed first.
    /// </summary>
    public async Task SaveFoldsAsync(IReadOnlyList<(string Key, IReadOnlyList<OutOfSamplePrediction> Predictions)> folds, CancellationToken ct)
    {
        if (folds.Count == 0) return;
        await store.RemoveLeftoversAsync(Folds, FoldFile, ct);
        foreach (var (key, predictions) in folds)
        {
            await store.WriteFolderAsync($"{Folds}/{key}", [new ArtifactFile(FoldFile, CvPredictionsFile.Encode(predictions))], ct);
        }
    }

    private static string FilePath(string version, string file) => $"{VersionPath(version)}/{file}";

    private async Task<byte[]> ReadAsync(string version, string file, CancellationToken ct)
    {
        var location = Location(version, file);
        return await store.ReadAsync(FilePath(version, file), ct)
            ?? throw new FileNotFoundException($"model {version} is not in the registry: {location} does not exist", location);
    }
}
