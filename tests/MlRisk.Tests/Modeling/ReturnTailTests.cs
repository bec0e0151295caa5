using MlRisk.Core.Modeling;

namespace MlRisk.Tests.Modeling;

public sealed class ReturnTailTests
{
    /// <summary>
    /// 100 shocks: 89 at 0, one at −1 and ten at −2 … −11, so the ten losses beyond the threshold u = 1 exceed it by
    /// 1 … 10, evenly spread: a uniform tail, which is the GPD with ξ = −1.
    /// </summary>
    private static readonly double[] UniformTail =
        [.. Enumerable.Repeat(0.0, 89), -1.0, .. Enumerable.Range(2, 10).Select(k => -(double)k)];

    [Fact]
    public void Probability_weighted_moments_fit_an_evenly_spread_tail_as_the_uniform_gpd()
    {
        var tail = ReturnTail.Fit(UniformTail);

        // b0 = 5.5, b1 = Σ (9 − i)(i + 1) / 9 / 10 = 1.8333: ξ = 2 − b0 / (b0 − 2 b1) = −1, β = 2 b0 b1 / (b0 − 2 b1) = 11.
        Assert.Equal(1.0, tail.Threshold, 12);
        Assert.Equal(-1.0, tail.Shape, 12);
        Assert.Equal(11.0, tail.Scale, 12);
        Assert.Equal(0.10, tail.TailFraction, 12);
    }

    [Fact]
    public void Var_and_es_of_the_uniform_tail_are_its_quantile_and_the_mean_beyond_it()
    {
        var tail = ReturnTail.Fit(UniformTail);

        // Uniform on (1, 12) with mass 0.1: P(loss > x) = 0.1 (12 − x) / 11.
        Assert.Equal(6.5, tail.ValueAtRisk(0.95), 12);
        Assert.Equal(10.9, tail.ValueAtRisk(0.99), 12);
        Assert.Equal((6.5 + 12) / 2, tail.ExpectedShortfall(0.95), 12);
        Assert.Equal((10.9 + 12) / 2, tail.ExpectedShortfall(0.99), 12);
    }

    [Fact]
    public void An_exponential_shape_uses_the_limit_of_the_tail_quantile()
    {
        var tail = new ReturnTail(Threshold: 2.0, Shape: 0.0, Scale: 0.5, TailFraction: 0.10);

        // P(loss > x) = 0.1 exp(−(x − 2) / 0.5): VaR99 = 2 + 0.5 ln 10, and ES adds the mean excess β.
        Assert.Equal(2.0 + 0.5 * Math.Log(10.0), tail.ValueAtRisk(0.99), 12);
        Assert.Equal(2.0 + 0.5 * Math.Log(10.0) + 0.5, tail.ExpectedShortfall(0.99), 12);
    }

    [Fact]
    public void A_level_outside_the_fitted_tail_is_refused()
    {
        var tail = ReturnTail.Fit(UniformTail);

        Assert.Throws<ArgumentOutOfRangeException>(() => tail.ValueAtRisk(0.80));
    }

    [Fact]
    public void A_sample_too_small_for_ten_exceedances_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ReturnTail.Fit(new double[90]));

        Assert.Contains("9 points", error.Message);
    }

    [Fact]
    public void A_tail_of_equal_losses_is_refused_rather_than_fitted_with_an_infinite_shape()
    {
        // 90 shocks at 0 and 10 losses of 9: every excess over the threshold 0 is 9, so b0 = 2·b1 exactly (9 keeps the
        // weights k/9 exact) and the PWM ratios divide by 0.
        double[] shocks = [.. new double[90], .. Enumerable.Repeat(-9.0, 10)];

        var error = Assert.Throws<ArgumentException>(() => ReturnTail.Fit(shocks));

        Assert.Contains("the return tail fitted shape", error.Message);
    }
}
