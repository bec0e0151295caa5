using MathNet.Numerics.Distributions;

namespace MlRisk.Core.Modeling;

/// <summary>
/// A value-at-risk backtest at one level on non-overlapping windows: the exceedances (a loss above the VaR), Kupiec's
/// proportion-of-failures test of their rate and Christoffersen's test of their independence (each a likelihood
/// ratio, χ² with one degree of freedom). A p-value below 0.05 rejects the VaR at the 5 % level.
/// </summary>
public sealed record VarBacktest(double Level, int Windows, int Exceedances, double ExceedanceRate, double KupiecP, double ChristoffersenP)
{
    /// <param name="level">The VaR's confidence, e.g. 0.99: exceedances should be 1 − level of the windows.</param>
    /// <param name="exceeded">Per window in date order, whether the loss exceeded the VaR.</param>
    public static VarBacktest Of(double level, IReadOnlyList<bool> exceeded)
    {
        var n = exceeded.Count;
        if (n < 2) throw new ArgumentException($"a VaR backtest needs at least 2 windows, got {n}", nameof(exceeded));
        var p = 1.0 - level;
        var x = exceeded.Count(e => e);
        var rate = (double)x / n;
        var kupiec = 2.0 * (LogLikelihood(n - x, x, rate) - LogLikelihood(n - x, x, p));

        int n00 = 0, n01 = 0, n10 = 0, n11 = 0;
        for (var i = 1; i < n; i++)
        {
            switch (exceeded[i - 1], exceeded[i])
            {
                case (false, false): n00++; break;
                case (false, true): n01++; break;
                case (true, false): n10++; break;
                default: n11++; break;
            }
        }
        var pi0 = n00 + n01 == 0 ? 0 : (double)n01 / (n00 + n01);
        var pi1 = n10 + n11 == 0 ? 0 : (double)n11 / (n10 + n11);
        var pi = (double)(n01 + n11) / (n - 1);
        var christoffersen = 2.0 * (LogLikelihood(n00, n01, pi0) + LogLikelihood(n10, n11, pi1) - LogLikelihood(n00 + n10, n01 + n11, pi));

        return new VarBacktest(level, n, x, rate, PValue(kupiec), PValue(christoffersen));
    }

    /// <summary>ln[(1 − q)^misses · q^hits], with 0·ln 0 = 0.</summary>
    private static double LogLikelihood(int misses, int hits, double q) =>
        (misses == 0 ? 0 : misses * Math.Log(1 - q)) + (hits == 0 ? 0 : hits * Math.Log(q));

    private static double PValue(double likelihoodRatio) => 1.0 - ChiSquared.CDF(1, Math.Max(likelihoodRatio, 0));
}
