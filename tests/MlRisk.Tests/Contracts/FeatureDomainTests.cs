using MlRisk.Core.Contracts;

namespace MlRisk.Tests.Contracts;

public sealed class FeatureDomainTests
{
    /// <summary>A calm market's features, vix_term = vix3m / vix exactly.</summary>
    public static double[] Calm() => [0.001, 0.004, 0.012, 0.018, 0.027, 0.038, 0.03, 15.5, 17.9, 17.9 / 15.5, 55.0, -0.35, 0.72, 0.0004];

    private static double[] With(string feature, double value)
    {
        var values = Calm();
        values[FeatureNames.IndexOf(feature)] = value;
        return values;
    }

    public static TheoryData<string, double, bool> Edges()
    {
        var data = new TheoryData<string, double, bool>();
        foreach (var bound in FeatureDomain.Bounds)
        {
            if (bound.Feature is FeatureNames.Vix or FeatureNames.Vix3m or FeatureNames.VixTerm) continue;
            data.Add(bound.Feature, bound.Lower, bound.LowerClosed);
            data.Add(bound.Feature, bound.Upper, bound.UpperClosed);
            data.Add(bound.Feature, Math.BitDecrement(bound.Lower), false);
            data.Add(bound.Feature, Math.BitIncrement(bound.Upper), false);
        }
        return data;
    }

    [Fact]
    public void A_calm_market_is_inside_every_bound()
    {
        Assert.Empty(FeatureDomain.Check(Calm()));
    }

    [Fact]
    public void Every_feature_has_a_finite_bound_in_feature_order()
    {
        Assert.Equal(FeatureNames.All, FeatureDomain.Bounds.Select(b => b.Feature));
        Assert.All(FeatureDomain.Bounds, b => Assert.True(double.IsFinite(b.Lower) && double.IsFinite(b.Upper) && b.Lower < b.Upper, b.Feature));
    }

    [Theory]
    [MemberData(nameof(Edges))]
    public void Each_bound_accepts_its_closed_ends_and_refuses_the_next_double_outside(string feature, double value, bool allowed)
    {
        var violations = FeatureDomain.Check(With(feature, value));

        if (allowed) Assert.Empty(violations);
        else Assert.Equal([feature], violations.Select(v => v.Feature));
    }

    [Theory]
    [InlineData(FeatureNames.SpyVol5d, 1.1, true)]    // 0.5·√5 = 1.118: five daily returns under 0.5 stay below it
    [InlineData(FeatureNames.SpyVol5d, 1.2, false)]
    [InlineData(FeatureNames.SpyVol20d, 1e308, false)]
    [InlineData(FeatureNames.SpyRet20d, -9.999, true)]
    [InlineData(FeatureNames.HygTltSpread, 1.0, false)]
    [InlineData(FeatureNames.Drawdown60d, 1.0, false)]
    [InlineData(FeatureNames.Drawdown60d, 0.0, true)]
    [InlineData(FeatureNames.RsiSpy14, 100.0, true)]
    [InlineData(FeatureNames.RsiSpy14, 500.0, false)]
    [InlineData(FeatureNames.CorrSpyTlt20d, -3.0, false)]
    public void The_bounds_follow_DESIGN_and_the_daily_return_bound(string feature, double value, bool allowed)
    {
        Assert.Equal(allowed, FeatureDomain.Check(With(feature, value)).Count == 0);
    }

    [Theory]
    [InlineData(1e308)]
    [InlineData(-1e308)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Finite_extremes_and_non_finite_values_are_outside_every_domain(double value)
    {
        foreach (var feature in FeatureNames.All)
        {
            Assert.Contains(FeatureDomain.Check(With(feature, value)), v => v.Feature == feature);
        }
    }

    [Theory]
    [InlineData(-5.0)]
    [InlineData(0.0)]
    [InlineData(200.0)]
    [InlineData(1_000_000.0)]
    public void A_vix_no_market_has_quoted_is_refused_and_vix_term_is_not_judged_against_it(double vix)
    {
        var violations = FeatureDomain.Check(With(FeatureNames.Vix, vix));

        var violation = Assert.Single(violations);
        Assert.Equal(FeatureNames.Vix, violation.Feature);
        Assert.Equal("(0, 200)", violation.Allowed);
    }

    [Fact]
    public void Vix_term_rounded_to_two_decimals_is_consistent_with_vix3m_over_vix()
    {
        Assert.Empty(FeatureDomain.Check(With(FeatureNames.VixTerm, 1.15)));   // 17.9 / 15.5 = 1.1548
        Assert.Empty(FeatureDomain.Check(With(FeatureNames.VixTerm, 1.16)));
    }

    [Fact]
    public void Vix_term_that_belongs_to_other_closes_is_refused_with_the_consistent_range()
    {
        var violation = Assert.Single(FeatureDomain.Check(With(FeatureNames.VixTerm, 0.9)));

        Assert.Equal(FeatureNames.VixTerm, violation.Feature);
        Assert.Equal(FeatureDomain.VixTermRule, violation.Rule);
        Assert.Equal("[1.14329, 1.16639]", violation.Allowed);
    }
}
