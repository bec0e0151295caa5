namespace MlRisk.Core.Features;

/// <summary>
/// ret_n(t) = ln(P_t / P_{t-n}) = r_{t-n+1} + … + r_t, the sum of the last n log returns.
/// </summary>
internal static class TrailingReturn
{
    /// <summary>
    /// ret_n at every index; NaN for the first n-1 indices. Each window is summed afresh: n is at most 20, so that
    /// is still O(n) over the history, and unlike a running sum it carries no rounding from earlier windows.
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
            var sum = 0.0;
            for (var k = t - n + 1; k <= t; k++) sum += r[k];
            result[t] = sum;
        }
        return result;
    }
}
