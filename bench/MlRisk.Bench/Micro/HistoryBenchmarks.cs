using BenchmarkDotNet.Attributes;
using MlRisk.Core.Features;
using MlRisk.Core.Lake;

namespace MlRisk.Bench.Micro;

/// <summary>
/// Whole-history work: batch inference with SHAP over every feature row, building features from the curated
/// history, and reading features_daily from the lake (with a fresh reader, and again inside one run, its decoded partitions and listing cached).
/// </summary>
public class HistoryBenchmarks
{
    private HistoryInputs _inputs = null!;
    private LakeReader _warm = null!;
    private IDisposable _warmRun = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _inputs = MicroBenchInputs.Require(MicroBenchInputs.History, nameof(MicroBenchInputs.History));
        var runCache = new LakeRunCache();
        _warmRun = runCache.BeginRun();
        _warm = _inputs.Reader(runCache);
        await _warm.ReadAllAsync(Datasets.FeaturesDaily, CancellationToken.None);
    }

    [GlobalCleanup]
    public void Cleanup() => _warmRun.Dispose();

    [Benchmark(Description = "shap_batch")]
    public int ExplainBatch() => _inputs.Forecaster.ExplainBatch(_inputs.FeatureMatrix).Count;

    [Benchmark(Description = "feature_build")]
    public int BuildFeatures() => FeatureBuilder.Build(_inputs.Curated).Count;

    [Benchmark(Description = "features_read_fresh")]
    public async Task<int> ReadFeaturesFresh() => (await _inputs.FreshReader().ReadAllAsync(Datasets.FeaturesDaily, CancellationToken.None)).Rows.Count;

    [Benchmark(Description = "features_read_warm")]
    public async Task<int> ReadFeaturesWarm() => (await _warm.ReadAllAsync(Datasets.FeaturesDaily, CancellationToken.None)).Rows.Count;
}
