namespace MlRisk.Bench.Micro;

/// <summary>
/// Inputs handed to the benchmark classes. BenchmarkDotNet runs them in this process (in-process toolchain),
/// so the runner loads the lake and the model once and every [GlobalSetup] picks them up here.
/// </summary>
public static class MicroBenchInputs
{
    public static PredictCall? Predict { get; set; }

    public static HistoryInputs? History { get; set; }

    public static T Require<T>(T? value, string name) where T : class =>
        value ?? throw new InvalidOperationException($"{name} is not loaded: run the micro-benchmarks through {nameof(MicroBenchRunner)}");
}
