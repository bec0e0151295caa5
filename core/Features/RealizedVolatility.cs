namespace MlRisk.Core.Features;

/// <summary>
/// vol_n(t) = sqrt( r_{t-n+1}^2 + … + r_t^2 ): realized volatility over the n sessions ending at t,
/// neither annualized nor mean-subtracted.
/// </summary>
internal static class RealizedVolatility
{
    /// <summary>
    /// vol_n at every index; NaN for the first n-1 indices. Each window is summed afresh (n ≤ 20, so O(n) overall):
    /// a running sum of squares can drift below zero after a calm spell and make sqrt return NaN.
    /// </summary>
    public static double[] Compute(ReadOnlySpan<double> r, int n)
    {
        var result = new double[r.Length];
        for (var t = 0; t < r.Length; t++)
        {
            if (t < n - 1)
            {
                result[t] = double.NaN;
                continue;
            }
            var sumOfSquares = 0.0;
            for (var k = t - n + 1; k <= t; k++) sumOfSquares += r[k] * r[k];
            result[t] = Math.Sqrt(sumOfSquares);
        }
        return result;
    }
}
