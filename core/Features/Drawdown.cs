namespace MlRisk.Core.Features;

/// <summary>
/// drawdown_n(t) = 1 - P_t / max(P_{t-n+1}, …, P_t), with P rebuilt from the log returns:
/// ln P_t = r_0 + … + r_t (the anchor cancels in the ratio, so any rebase of the source prices changes nothing).
/// </summary>
internal static class Drawdown
{
    /// <summary>
    /// drawdown_n at every index; NaN for the first n-1 indices. The window maximum comes from a monotonic deque of
    /// indices whose log prices decrease from front to back, so the whole history costs O(length), not O(length·n).
    /// </summary>
    public static double[] Compute(ReadOnlySpan<double> r, int n)
    {
        var result = new double[r.Length];
        var logPrice = new double[r.Length];
        var deque = new int[r.Length];
        int front = 0, back = 0;
        var cumulative = 0.0;
        for (var t = 0; t < r.Length; t++)
        {
            cumulative += r[t];
            logPrice[t] = cumulative;

            while (back > front && logPrice[deque[back - 1]] <= cumulative) back--;
            deque[back++] = t;
            if (deque[front] <= t - n) front++;

            // exp of a non-positive difference: exactly 0 at a new high, and never 1 for a finite price.
            result[t] = t < n - 1 ? double.NaN : 1.0 - Math.Exp(cumulative - logPrice[deque[front]]);
        }
        return result;
    }
}
