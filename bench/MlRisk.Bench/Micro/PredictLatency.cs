using System.Diagnostics;

namespace MlRisk.Bench.Micro;

/// <summary>
/// p50/p99 of single /predict calls in process, timed one by one with a Stopwatch after a warm-up:
/// BenchmarkDotNet reports per-iteration means, which hide the tail a p99 target is about.
/// </summary>
public static class PredictLatency
{
    public static async Task<LatencySample> HandlerAsync(PredictCall call, int calls, CancellationToken ct)
    {
        for (var i = 0; i < calls / 10; i++) await call.HandleAsync(ct);
        var elapsed = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call.HandleAsync(ct);
            elapsed[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        return Sample("predict_handler", elapsed);
    }

    public static LatencySample Forecaster(PredictCall call, int calls)
    {
        var features = call.Row.Features;
        for (var i = 0; i < calls / 10; i++) call.Forecaster.Predict(features);
        var elapsed = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            call.Forecaster.Predict(features);
            elapsed[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }
        return Sample("forecaster_predict", elapsed);
    }

    private static LatencySample Sample(string name, double[] elapsed)
    {
        Array.Sort(elapsed);
        return new LatencySample(name, elapsed.Length, Percentile.OfSorted(elapsed, 50), Percentile.OfSorted(elapsed, 99), elapsed[^1]);
    }
}
