using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// Out-of-sample forecasts of the log-HAR-X base inside a training window, made the way the walk-forward makes them
/// outside it: blocks of rows each forecast by a base fitted only on the rows before the block, less a purge. Their
/// errors carry what the served model's will: parameter drift and the base's lag behind a new regime, which the
/// in-sample fit of a base on the whole window hides. The spread, the shocks ε and the return shocks are measured on them.
/// </summary>
public static class ForwardBaseForecasts
{
    /// <summary>ln rv_5d forecasts of rows [<paramref name="first"/>, <paramref name="end"/>), in row order.</summary>
    /// <param name="first">rows before it are only fitted on: the shortest window a base is fitted on.</param>
    /// <param name="block">rows forecast by each fit.</param>
    /// <param name="purge">rows left out between a fit and the block it forecasts (the labels overlap).</param>
    public static double[] Compute(TrainingSet set, int first, int end, int block, int purge)
    {
        if (first <= purge || first >= end)
        {
            throw new ArgumentException($"forward forecasts need {purge} < first ({first}) < end ({end})");
        }
        var logRv = new double[end];
        for (var r = 0; r < end; r++) logRv[r] = LogHarBase.LogTarget(set.Rv5d[r]);
        var forecasts = new double[end - first];
        for (var start = first; start < end; start += block)
        {
            var fitEnd = start - purge;
            var fit = LogHarBase.Fit(set.Block(0, fitEnd), logRv.AsSpan(0, fitEnd));
            for (var r = start; r < Math.Min(start + block, end); r++) forecasts[r - first] = fit.Predict(set.Row(r));
        }
        return forecasts;
    }
}
