using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlRisk.Bench.EndToEnd;
using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;
using MlRisk.Core.Lake;

namespace MlRisk.Bench.Micro;

/// <summary>
/// What the history micro-benchmarks work on, loaded once from a pipeline run's folders: the lake options,
/// curated.market_daily, features_daily as a row-major matrix, and the champion model behind a <see cref="Forecaster"/>.
/// </summary>
public sealed class HistoryInputs : IDisposable
{
    private readonly VolatilityModel _model;

    private HistoryInputs(LakeFolder lake, IOptions<LakeOptions> options, IReadOnlyList<CuratedRow> curated, double[] matrix, VolatilityModel model)
    {
        Lake = lake;
        Options = options;
        Curated = curated;
        FeatureMatrix = matrix;
        _model = model;
        Forecaster = new Forecaster(model);
    }

    public LakeFolder Lake { get; }

    public IOptions<LakeOptions> Options { get; }

    public IReadOnlyList<CuratedRow> Curated { get; }

    /// <summary>Every features_daily row, row-major in <see cref="FeatureNames.All"/> order.</summary>
    public double[] FeatureMatrix { get; }

    public int FeatureRows => FeatureMatrix.Length / FeatureNames.Count;

    public Forecaster Forecaster { get; }

    /// <summary>A reader outside any run: it lists and decodes every time, as a fresh process does.</summary>
    public LakeReader FreshReader() => Reader(Options, new LakeRunCache());

    /// <summary>A reader whose run cache is <paramref name="runCache"/> (open a run on it to keep decoded partitions).</summary>
    public LakeReader Reader(LakeRunCache runCache) => Reader(Options, runCache);

    private static LakeReader Reader(IOptions<LakeOptions> options, LakeRunCache runCache) =>
        new(new FileSystemLakeStorage(options, TimeProvider.System), runCache, options, NullLogger<LakeReader>.Instance);

    public static async Task<HistoryInputs> LoadAsync(LakeFolder lake, CancellationToken ct)
    {
        var options = Microsoft.Extensions.Options.Options.Create(new LakeOptions { DataPath = lake.Data });
        var reader = Reader(options, new LakeRunCache());
        var curated = await reader.ReadAllAsync(Datasets.CuratedMarketDaily, ct);
        var features = await reader.ReadAllAsync(Datasets.FeaturesDaily, ct);
        var matrix = new double[features.Rows.Count * FeatureNames.Count];
        for (var r = 0; r < features.Rows.Count; r++) features.Rows[r].Features.CopyTo(matrix, r * FeatureNames.Count);

        var registry = new ModelRegistry(lake.Artifacts, TimeProvider.System);
        var champion = await registry.ReadChampionAsync(ct)
            ?? throw new InvalidDataException($"{registry.ModelsFolder}: no champion.json; the pipeline run trained no servable model");
        var model = await registry.LoadModelAsync(await registry.ReadMetadataAsync(champion.Version, ct), ct);
        return new HistoryInputs(lake, options, curated.Rows, matrix, model);
    }

    public void Dispose() => _model.Dispose();
}
