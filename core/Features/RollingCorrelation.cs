namespace MlRisk.Core.Features;

/// <summary>
/// Pearson correlation of x and y over the n sessions ending at t:
/// corr_n(t) = Σ (x_k - x̄)(y_k - ȳ) / sqrt( Σ (x_k - x̄)^2 · Σ (y_k - ȳ)^2 ),  k = t-n+1 … t.
/// </summary>
internal static class RollingCorrelation
{
    /// <summary>
    /// corr_n at every index; NaN for the first n-1 indices, where any input in the window is NaN (undefined),
    /// and where either side is constant over the window (the correlation is then undefined, not 0).
    /// Each window is computed afresh with the two-pass formula (mean first, then centred sums): n·length work,
    /// still O(length) for n = 20, and free of the cancellation that makes running sums of products drift.
    /// Rounding can push |corr| a few ulps past 1; it is clamped to [-1, 1].
    /// </summary>
    public static double[] Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int n)
    {
        var result = new double[x.Length];
        for (var t = 0; t < x.Length; t++)
        {
            if (t < n - 1)
            {
                result[t] = double.NaN;
                continue;
            }
            var start = t - n + 1;
            double sumX = 0, sumY = 0;
            for (var k = start; k <= t; k++)
            {
                sumX += x[k];
                sumY += y[k];
            }
            double meanX = sumX / n, meanY = sumY / n;
            double sxy = 0, sxx = 0, syy = 0;
            for (var k = start; k <= t; k++)
            {
                var dx = x[k] - meanX;
                var dy = y[k] - meanY;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
            result[t] = sxx > 0 && syy > 0
                ? Math.Clamp(sxy / Math.Sqrt(sxx * syy), -1.0, 1.0)
                : double.NaN;
        }
        return result;
    }
}
