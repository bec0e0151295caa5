using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;

namespace MlRisk.Tests.Modeling;

public sealed class DistributionScoringTests
{
    [Fact]
    public void Kupiec_rejects_five_exceedances_in_a_hundred_of_a_99_percent_var()
    {
        var exceeded = Enumerable.Range(0, 100).Select(i => i % 20 == 0).ToList();

        var backtest = VarBacktest.Of(0.99, exceeded);

        // LR = 2[(95 ln .95 + 5 ln .05) − (95 ln .99 + 5 ln .01)] = 8.2582, p = erfc(√(LR/2)) = 0.004057
        Assert.Equal(5, backtest.Exceedances);
        Assert.Equal(0.004056795256739731, backtest.KupiecP, 10);
    }

    [Fact]
    public void Christoffersen_rejects_exceedances_that_come_in_a_cluster()
    {
        var exceeded = Enumerable.Repeat(false, 20).Concat(Enumerable.Repeat(true, 3)).Concat(Enumerable.Repeat(false, 77)).ToList();

        var backtest = VarBacktest.Of(0.99, exceeded);

        // transitions 00:95 01:1 10:1 11:2 give LR = 11.9499, p = 0.000547
        Assert.Equal(0.0005465103337255365, backtest.ChristoffersenP, 10);
    }

    [Theory]
    [InlineData(0.10, 0.20, 0.15, 0.2, 0.10)]            // inside: the width
    [InlineData(0.10, 0.20, 0.25, 0.2, 0.10 + 10 * 0.05)] // above by 0.05: width + 2/α · 0.05
    [InlineData(0.10, 0.20, 0.05, 0.1, 0.10 + 20 * 0.05)] // below by 0.05 at α = 0.1
    public void The_interval_score_is_the_width_plus_two_over_alpha_times_the_miss(double lower, double upper, double y, double alpha, double expected)
    {
        Assert.Equal(expected, CalibrationTable.IntervalScore(lower, upper, y, alpha), 12);
    }

    [Fact]
    public void The_ranked_probability_score_sums_squared_cumulative_errors()
    {
        // outcome "elevated" (2): cumulative forecast .1, .5, .9 against 0, 0, 1
        Assert.Equal(0.01 + 0.25 + 0.01, CalibrationTable.Rps([0.1, 0.4, 0.4, 0.1], 2), 12);
        Assert.Equal(0.0, CalibrationTable.Rps([0, 0, 0, 1], 3));
    }

    [Fact]
    public void A_quantile_grid_inverts_its_own_cdf()
    {
        var sample = Enumerable.Range(0, 1001).Select(i => i / 1000.0).ToArray();
        var grid = QuantileGrid.Of(sample);

        Assert.Equal(0.25, grid.Quantile(0.25), 3);
        Assert.Equal(0.25, grid.Cdf(grid.Quantile(0.25)), 9);
        Assert.Equal(0.0, grid.Cdf(-1));
        Assert.Equal(1.0, grid.Cdf(2));
    }

    [Fact]
    public void A_lognormal_distribution_gives_its_known_moments_ordered_quantiles_and_probabilities_that_sum_to_one()
    {
        // ln rv = ln 0.02 + 0.3 ε with ε standard normal: E[rv] = 0.02 e^0.045, E[rv²] = 0.0004 e^0.18.
        var d = TestDistributions.Around(0.02);

        Assert.Equal(0.02 * Math.Exp(0.045), d.Rv5dHat, 4);
        // The 256-point grid drops the outermost 0.2 % of each tail: the second moment comes out 0.14 % low.
        Assert.InRange(d.Var5dHat / (0.0004 * Math.Exp(0.18)), 0.995, 1.0);
        Assert.Equal(0.02, d.Q50, 6);
        Assert.True(d.Q05 < d.Q10 && d.Q10 < d.Q50 && d.Q50 < d.Q90 && d.Q90 < d.Q95);
        Assert.Equal(1.0, d.RegimeProbabilities.Sum(), 12);
        // 12 % annualized is a 5-day 0.0169: P(ln rv < ln 0.0169) = Φ((ln 0.0169 − ln 0.02)/0.3) = Φ(−0.561) = 0.287
        Assert.Equal(0.287, d.PCalm, 2);
        Assert.True(d.Var95 < d.Es95 && d.Var99 < d.Es99 && d.Var95 < d.Var99);
    }

    [Fact]
    public void The_pit_of_a_realized_value_is_its_probability_under_the_whole_distribution()
    {
        var features = FeatureVector.Create(new double[FeatureNames.Count]);

        // ln rv = ln 0.02 + 0.3 ε: rv = 0.02 e^0.3 is one standard deviation above the median, Φ(1) = 0.8413, which
        // the five stored quantiles (q50 = 0.02, q90 = 0.02·e^(0.3·1.2816)) would have put at 0.5 + 0.4 · 0.746 = 0.798.
        Assert.Equal(0.8413, TestDistributions.LogNormal.Cdf(Math.Log(0.02), features, 0.02 * Math.Exp(0.3)), 3);
        Assert.Equal(0.5, TestDistributions.LogNormal.Cdf(Math.Log(0.02), features, 0.02), 9);
    }

    [Fact]
    public void Regimes_are_cut_on_annualized_volatility()
    {
        Assert.Equal(0, Regimes.Of(0.11 / Annualization.Factor, Regimes.DefaultCuts));
        Assert.Equal(1, Regimes.Of(0.121 / Annualization.Factor, Regimes.DefaultCuts));
        Assert.Equal(3, Regimes.Of(0.30 / Annualization.Factor, Regimes.DefaultCuts));
    }

    [Fact]
    public void Diebold_Mariano_with_a_bartlett_hac_variance_matches_the_hand_computation()
    {
        double[] d = [0.3, -0.1, 0.4, 0.2, -0.2, 0.5, 0.1, 0.3, -0.1, 0.2, 0.4, 0.0];

        var (statistic, p) = DieboldMariano.Test(d, new double[d.Length], lag: 4);

        // mean 1/6; γ0..γ4 of d with Bartlett weights 1 − k/5 give LRV = 0.0051481; DM = (1/6) / √(LRV/12) = 8.0466
        Assert.Equal(8.046626711787304, statistic, 9);
        Assert.True(p < 1e-12);
    }

    [Fact]
    public void Diebold_Mariano_finds_no_difference_between_identical_forecasts()
    {
        double[] loss = [0.2, 0.4, 0.1, 0.3, 0.5, 0.2, 0.6, 0.1];

        Assert.Equal((0.0, 0.5), DieboldMariano.Test(loss, loss));
    }
}
