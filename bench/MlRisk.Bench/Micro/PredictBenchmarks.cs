using BenchmarkDotNet.Attributes;
using MlRisk.Core.Modeling;
using MlRisk.Core.Serving;

namespace MlRisk.Bench.Micro;

/// <summary>One /predict in process: the whole handler with its JSON response, and the model call (forecast + TreeSHAP) alone.</summary>
public class PredictBenchmarks
{
    private PredictCall _call = null!;

    [GlobalSetup]
    public void Setup() => _call = MicroBenchInputs.Require(MicroBenchInputs.Predict, nameof(MicroBenchInputs.Predict));

    [Benchmark(Description = "predict_handler")]
    public Task<int> Handler() => _call.HandleAsync(CancellationToken.None);

    [Benchmark(Description = "forecaster_predict")]
    public Forecast Forecaster() => _call.Forecaster.Predict(_call.Row.Features);
}
