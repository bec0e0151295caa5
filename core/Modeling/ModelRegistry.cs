using System.Text.Json;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Core.Modeling;

/// <summary>
/// The filesystem model registry: &lt;artifacts&gt;/models/&lt;version&gt;/{model.txt, metadata.json, cv_predictions.parquet}
/// and &lt;artifacts&gt;/models/champion.json. A version folder is written under a temporary name and renamed
/// into place, so a reader never sees half a model; an existing version is never rewritten. champion.json is
/// replaced atomically (temp file + rename).
/// </summary>
public sealed class ModelRegistry(string artifactsFolder, TimeProvider time)
{
    public const string ModelFile = "model.txt";
    public const string MetadataFile = "metadata.json";
    public const string ChampionFile = "champion.json";

    public string ModelsFolder { get; } = Path.Combine(artifactsFolder, "models");

    public string VersionFolder(string version) => Path.Combine(ModelsFolder, version);

    public bool Exists(string version) => File.Exists(Path.Combine(VersionFolder(version), MetadataFile));

    /// <summary>
    /// Stores a trained model; returns false (and writes nothing) when the version is already stored. Training runs
    /// under the lake's run lock, so <c>.tmp-*</c> entries found here can only be what a killed run was writing:
    /// they are removed first.
    /// </summary>
    public async Task<bool> SaveAsync(
        ModelMetadata metadata, string modelText, IReadOnlyList<OutOfSamplePrediction> cvPredictions, CancellationToken ct)
    {
        if (Exists(metadata.Version)) return false;
        Directory.CreateDirectory(ModelsFolder);
        RemoveLeftovers();
        var temporary = Path.Combine(ModelsFolder, $"{TempFiles.Prefix}{metadata.Version}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        try
        {
            await File.WriteAllTextAsync(Path.Combine(temporary, ModelFile), modelText, ct);
            CvPredictionsFile.Write(Path.Combine(temporary, CvPredictionsFile.FileName), cvPredictions);
            await using (var stream = File.Create(Path.Combine(temporary, MetadataFile)))
            {
                await JsonSerializer.SerializeAsync(stream, metadata, MlRiskJson.Files, ct);
            }
            Directory.Move(temporary, VersionFolder(metadata.Version));
            return true;
        }
        catch
        {
            Directory.Delete(temporary, recursive: true);
            throw;
        }
    }

    private void RemoveLeftovers()
    {
        foreach (var folder in Directory.GetDirectories(ModelsFolder, TempFiles.Prefix + "*")) Directory.Delete(folder, recursive: true);
        foreach (var file in Directory.GetFiles(ModelsFolder, TempFiles.Prefix + "*")) File.Delete(file);
    }

    /// <summary>Points champion.json at a stored version.</summary>
    public async Task PromoteAsync(string version, CancellationToken ct)
    {
        if (!Exists(version)) throw new InvalidOperationException($"cannot promote model {version}: {VersionFolder(version)} holds no {MetadataFile}");
        var target = Path.Combine(ModelsFolder, ChampionFile);
        var temporary = Path.Combine(ModelsFolder, $"{TempFiles.Prefix}{ChampionFile}-{Guid.NewGuid():N}");
        await using (var stream = File.Create(temporary))
        {
            await JsonSerializer.SerializeAsync(stream, new ChampionPointer(version, time.GetUtcNow()), MlRiskJson.Files, ct);
        }
        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>
    /// A cheap change marker for champion.json (one stat call, no read): its last write time and length, or null
    /// when there is no champion. A promotion renames a new file into place, so the marker changes with it.
    /// </summary>
    public (DateTime LastWriteUtc, long Length)? ChampionStamp()
    {
        var file = new FileInfo(Path.Combine(ModelsFolder, ChampionFile));
        return file.Exists ? (file.LastWriteTimeUtc, file.Length) : null;
    }

    /// <summary>The served version, or null before any model passed the gate.</summary>
    public async Task<ChampionPointer?> ReadChampionAsync(CancellationToken ct)
    {
        var path = Path.Combine(ModelsFolder, ChampionFile);
        if (!File.Exists(path)) return null;
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<ChampionPointer>(stream, MlRiskJson.Files, ct)
            ?? throw new InvalidDataException($"{path} is empty; delete it and rerun train to promote a model");
    }

    public async Task<ModelMetadata> ReadMetadataAsync(string version, CancellationToken ct)
    {
        var path = Path.Combine(VersionFolder(version), MetadataFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"model {version} is not in the registry: {path} does not exist", path);
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<ModelMetadata>(stream, MlRiskJson.Files, ct)
            ?? throw new InvalidDataException($"{path} is empty");
    }

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
        var text = await File.ReadAllTextAsync(Path.Combine(VersionFolder(metadata.Version), ModelFile), ct);
        var trees = Booster.LoadFromString(text, singleRowCopies: singleRowCopies);
        try
        {
            var distribution = new PredictiveDistribution(new ScaleModel(metadata.ScaleCoefficients),
                new QuantileGrid(metadata.Shocks), new QuantileGrid(metadata.ReturnShocks), metadata.RegimeCuts);
            return new VolatilityModel(new LogHarBase(metadata.BaseCoefficients, metadata.BaseMeans), trees, distribution);
        }
        catch
        {
            trees.Dispose();
            throw;
        }
    }

    /// <summary>The most recently trained stored version (versions start with their last training date), or null.</summary>
    public string? LatestVersion()
    {
        if (!Directory.Exists(ModelsFolder)) return null;
        return Directory.EnumerateDirectories(ModelsFolder)
            .Where(folder => File.Exists(Path.Combine(folder, MetadataFile)))
            .Select(Path.GetFileName)
            .OrderDescending(StringComparer.Ordinal)
            .FirstOrDefault();
    }

    public IReadOnlyList<OutOfSamplePrediction> ReadCvPredictions(string version) =>
        CvPredictionsFile.Read(Path.Combine(VersionFolder(version), CvPredictionsFile.FileName));
}
