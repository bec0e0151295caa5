using MathNet.Numerics.Distributions;

namespace MlRisk.Core.Modeling;

/// <summary>
/// The Diebold–Mariano test of equal predictive accuracy on a loss differential d(t) = loss_a(t) − loss_b(t):
/// DM = mean(d) / √(LRV / n), LRV the Newey–West long-run variance with Bartlett weights 1 − k/(L+1) up to lag L.
/// Overlapping 5-day labels make d autocorrelated up to lag 4, so L ≥ 4. One-sided p = 1 − Φ(DM): small when a is
/// worse than b.
/// </summary>
public static class DieboldMariano
{
    /// <summary>Lag for rv_5d: consecutive labels share four of their five returns.</summary>
    public const int OverlapLag = 4;

    public static (double Statistic, double PValue) Test(ReadOnlySpan<double> lossA, ReadOnlySpan<double> lossB, int lag = OverlapLag)
    {
        if (lossA.Length != lossB.Length || lossA.Length <= lag + 1)
        {
            throw new ArgumentException($"Diebold–Mariano needs paired losses over more than {lag + 1} dates, got {lossA.Length} and {lossB.Length}");
        }
        var n = lossA.Length;
        var d = new double[n];
        var mean = 0.0;
        for (var t = 0; t < n; t++)
        {
            d[t] = lossA[t] - lossB[t];
            mean += d[t];
        }
        mean /= n;
        double Autocovariance(int k)
        {
            var sum = 0.0;
            for (var t = k; t < n; t++) sum += (d[t] - mean) * (d[t - k] - mean);
            return sum / n;
        }
        var lrv = Autocovariance(0);
        for (var k = 1; k <= lag; k++) lrv += 2.0 * (1.0 - k / (lag + 1.0)) * Autocovariance(k);
        // Identical forecasts (or a differential with no variance left): no evidence either way.
        if (!(lrv > 0)) return (0.0, 0.5);
        var statistic = mean / Math.Sqrt(lrv / n);
        return (statistic, 1.0 - Normal.CDF(0, 1, statistic));
    }
}
