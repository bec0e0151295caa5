using MlRisk.Core.Contracts;
using MlRisk.Core.Sources.Synthetic;
using Xunit.Abstractions;

namespace MlRisk.Tests.Sources.Synthetic;

/// <summary>The default synthetic market (seed 2009 from 2009-01-02), simulated once for the statistics tests.</summary>
public sealed class DefaultSyntheticMarket
{
    public static readonly DateOnly End = new(2025, 10, 31);

    internal SyntheticPath Path { get; } = SyntheticMarket.Simulate(new SyntheticSourceOptions().Seed, new SyntheticSourceOptions().Start, End);

    public double[] SpyReturns => LogReturns(Path.Spy);

    public static double[] LogReturns(SourceBar[] bars)
    {
        var r = new double[bars.Length - 1];
        for (var i = 1; i < bars.Length; i++) r[i - 1] = Math.Log(bars[i].AdjClose / bars[i - 1].AdjClose);
        return r;
    }
}

public class SyntheticMarketStatisticsTests(DefaultSyntheticMarket market, ITestOutputHelper output) : IClassFixture<DefaultSyntheticMarket>
{
    private const int Window = 20;

    [Theory]
    [InlineData(2009UL)]
    [InlineData(1UL)]
    [InlineData(42UL)]
    [InlineData(12345UL)]
    public void Spy_volatility_over_the_whole_sample_is_between_12_and_30_percent(ulong seed)
    {
        var path = SyntheticMarket.Simulate(seed, new DateOnly(2009, 1, 2), DefaultSyntheticMarket.End);

        var vol = Math.Sqrt(252 * Mean(Squares(DefaultSyntheticMarket.LogReturns(path.Spy))));

        output.WriteLine($"seed {seed}: annualized SPY vol {vol:P1}");
        Assert.InRange(vol, 0.12, 0.30);
    }

    [Fact]
    public void Spy_volatility_moves_between_calm_and_stressed_regimes()
    {
        var rv20 = RollingVolatility(market.SpyReturns);
        Array.Sort(rv20);

        double p05 = Quantile(rv20, 0.05), median = Quantile(rv20, 0.5), p99 = Quantile(rv20, 0.99);
        output.WriteLine($"20-day realized vol, annualized: p5 {p05:P1}, median {median:P1}, p99 {p99:P1}, max {rv20[^1]:P1}");
        Assert.True(p05 < 0.11, $"calm regimes: p5 {p05:P1}");
        Assert.InRange(median, 0.10, 0.20);
        Assert.True(p99 > 0.40, $"stress regimes: p99 {p99:P1}");
    }

    [Fact]
    public void Volatility_clusters_and_persists()
    {
        var squares = Squares(market.SpyReturns);
        var abs = market.SpyReturns.Select(Math.Abs).ToArray();

        double acf1 = Autocorrelation(squares, 1), acf20Abs = Autocorrelation(abs, 20);
        output.WriteLine($"autocorrelation of r² at lag 1: {acf1:F3}; of |r| at lag 20: {acf20Abs:F3}");
        Assert.True(acf1 > 0.1, $"lag-1 autocorrelation of r² {acf1:F3}");
        Assert.True(acf20Abs > 0.1, $"lag-20 autocorrelation of |r| {acf20Abs:F3}");
    }

    [Fact]
    public void Vix_rises_when_spy_falls()
    {
        var r = market.SpyReturns;
        var dLnVix = DefaultSyntheticMarket.LogReturns(market.Path.Vix);

        var leverage = Correlation(r, dLnVix);
        output.WriteLine($"corr(SPY return, Δln VIX) = {leverage:F3}");
        Assert.True(leverage < -0.5, $"corr {leverage:F3}");
    }

    [Fact]
    public void Vix_prices_a_premium_over_realized_vol_and_forecasts_it()
    {
        var r = market.SpyReturns;
        var vix = market.Path.Vix;
        // VIX on day t (bar t) against the realized vol of returns t+1..t+21 (r index t..t+20).
        var implied = new List<double>();
        var realized = new List<double>();
        for (var t = 0; t + 21 <= r.Length; t++)
        {
            var sum = 0.0;
            for (var k = t; k < t + 21; k++) sum += r[k] * r[k];
            implied.Add(vix[t].Close / 100);
            realized.Add(Math.Sqrt(252 * sum / 21));
        }

        // Compare variances, as the variance risk premium does: VIX² prices the expected variance.
        double impliedVol = Math.Sqrt(Mean(Squares(implied.ToArray()))), realizedVol = Math.Sqrt(252 * Mean(Squares(r)));
        var forecast = Correlation(implied.ToArray(), realized.ToArray());
        output.WriteLine($"RMS VIX {impliedVol:P1}, mean VIX {Mean(implied.ToArray()):P1}, realized vol {realizedVol:P1}, corr(VIX, next 21-day vol) {forecast:F3}");
        Assert.True(impliedVol > 1.05 * realizedVol, $"RMS VIX {impliedVol:P1} vs realized {realizedVol:P1}");
        Assert.True(forecast > 0.5, $"corr {forecast:F3}");
    }

    [Fact]
    public void Vix3m_is_above_vix_when_calm_and_below_in_stress()
    {
        var vix = market.Path.Vix.Select(b => b.Close).ToArray();
        var vix3m = market.Path.Vix3m.Select(b => b.Close).ToArray();
        var sorted = vix.Order().ToArray();
        double median = Quantile(sorted, 0.5), p95 = Quantile(sorted, 0.95);

        int calm = 0, calmContango = 0, stress = 0, stressInverted = 0;
        for (var i = 0; i < vix.Length; i++)
        {
            if (vix[i] < median)
            {
                calm++;
                if (vix3m[i] > vix[i]) calmContango++;
            }
            else if (vix[i] > p95)
            {
                stress++;
                if (vix3m[i] < vix[i]) stressInverted++;
            }
        }

        output.WriteLine($"VIX median {median:F2}, p95 {p95:F2}, max {sorted[^1]:F2}; VIX3M > VIX on {calmContango}/{calm} calm days, < VIX on {stressInverted}/{stress} stressed days");
        Assert.True(calmContango > 0.8 * calm, $"{calmContango}/{calm}");
        Assert.True(stressInverted > 0.5 * stress, $"{stressInverted}/{stress}");
    }

    [Fact]
    public void Bond_correlations_with_spy_change_with_the_regime()
    {
        var spy = market.SpyReturns;
        var tlt = DefaultSyntheticMarket.LogReturns(market.Path.Tlt);
        var hyg = DefaultSyntheticMarket.LogReturns(market.Path.Hyg);
        var corrTlt = RollingCorrelation(spy, tlt);
        var corrHyg = RollingCorrelation(spy, hyg);
        var rv20 = RollingVolatility(spy);
        var stressLine = Quantile(rv20.Order().ToArray(), 0.9);

        double tltCalm = MeanWhere(corrTlt, rv20, v => v < stressLine), tltStress = MeanWhere(corrTlt, rv20, v => v >= stressLine);
        double hygCalm = MeanWhere(corrHyg, rv20, v => v < stressLine), hygStress = MeanWhere(corrHyg, rv20, v => v >= stressLine);
        output.WriteLine($"20-day corr(SPY,TLT): mean {Mean(corrTlt):F2}, min {corrTlt.Min():F2}, max {corrTlt.Max():F2}, calm {tltCalm:F2}, stress {tltStress:F2}");
        output.WriteLine($"20-day corr(SPY,HYG): mean {Mean(corrHyg):F2}, min {corrHyg.Min():F2}, max {corrHyg.Max():F2}, calm {hygCalm:F2}, stress {hygStress:F2}");

        Assert.True(Mean(corrHyg) > 0.3, $"mean corr(SPY,HYG) {Mean(corrHyg):F2}");
        Assert.True(hygStress > hygCalm, "HYG moves more with SPY in stress");
        Assert.True(tltStress < tltCalm - 0.1, "TLT hedges SPY more in stress");
        Assert.True(corrTlt.Min() < -0.5 && corrTlt.Max() > 0.2, "corr(SPY,TLT) changes sign across regimes");
    }

    [Fact]
    public void Spy_has_occasional_jumps()
    {
        var jumps = market.Path.SpyJump.Count(j => j != 0);
        var years = market.Path.Count / 252.0;
        var worstDay = market.SpyReturns.Min();

        output.WriteLine($"{jumps} jumps in {years:F1} years; worst SPY day {worstDay:P1}");
        Assert.InRange(jumps / years, 0.5, 6);
        Assert.True(worstDay < -0.05, $"worst day {worstDay:P1}");
    }

    private static double[] RollingVolatility(double[] r)
    {
        var vol = new double[r.Length - Window + 1];
        var sum = 0.0;
        for (var i = 0; i < r.Length; i++)
        {
            sum += r[i] * r[i];
            if (i >= Window) sum -= r[i - Window] * r[i - Window];
            if (i >= Window - 1) vol[i - Window + 1] = Math.Sqrt(252 * Math.Max(sum, 0) / Window);
        }
        return vol;
    }

    private static double[] RollingCorrelation(double[] x, double[] y)
    {
        var corr = new double[x.Length - Window + 1];
        for (var i = 0; i < corr.Length; i++) corr[i] = Correlation(x.AsSpan(i, Window), y.AsSpan(i, Window));
        return corr;
    }

    private static double MeanWhere(double[] values, double[] condition, Func<double, bool> keep)
    {
        double sum = 0;
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (!keep(condition[i])) continue;
            sum += values[i];
            n++;
        }
        return sum / n;
    }

    private static double Correlation(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double mx = Mean(x), my = Mean(y), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.Sqrt(sxx * syy);
    }

    private static double Autocorrelation(double[] x, int lag) => Correlation(x.AsSpan(0, x.Length - lag), x.AsSpan(lag));

    private static double[] Squares(double[] r) => r.Select(v => v * v).ToArray();

    private static double Mean(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        foreach (var v in x) sum += v;
        return sum / x.Length;
    }

    private static double Quantile(double[] sorted, double q) => sorted[(int)Math.Round(q * (sorted.Length - 1))];
}
