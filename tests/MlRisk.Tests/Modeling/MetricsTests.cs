using MlRisk.Core.Modeling;

namespace MlRisk.Tests.Modeling;

public class MetricsTests
{
    [Fact]
    public void Rmse_matches_a_hand_computed_value()
    {
        // errors 0.01, -0.02, 0.02: mean square = (1 + 4 + 4)e-4 / 3 = 3e-4.
        var rmse = Rmse.Compute([0.02, 0.03, 0.05], [0.01, 0.05, 0.03]);
        Assert.Equal(Math.Sqrt(3e-4), rmse, 15);
    }

    [Fact]
    public void QLike_matches_a_hand_computed_value_on_variances()
    {
        // y/f = 2 -> y^2/f^2 = 4 -> 4 - ln 4 - 1 = 1.6137056388801094; y/f = 0.5 -> 0.25 - ln 0.25 - 1 = 0.6362943611198906.
        var qlike = QLike.Compute([0.02, 0.01], [0.01, 0.02]);
        Assert.Equal((1.6137056388801094 + 0.6362943611198906) / 2.0, qlike, 14);
    }

    [Fact]
    public void QLike_is_zero_for_a_perfect_forecast_and_punishes_under_forecasting_harder()
    {
        Assert.Equal(0.0, QLike.Compute([0.01, 0.03], [0.01, 0.03]), 15);
        Assert.True(QLike.Compute([0.02], [0.01]) > QLike.Compute([0.01], [0.02]));
    }

    [Fact]
    public void QLike_refuses_a_non_positive_forecast_naming_the_row()
    {
        var error = Assert.Throws<ArgumentException>(() => QLike.Compute([0.01, 0.02], [0.01, 0.0]));
        Assert.Contains("row 1", error.Message);
    }

    [Fact]
    public void QLike_leaves_out_a_date_whose_realized_rv_is_zero_and_refuses_a_negative_one()
    {
        var qlike = QLike.Compute([0.02, 0.0, 0.01], [0.01, 0.05, 0.02]);

        Assert.Equal((1.6137056388801094 + 0.6362943611198906) / 2.0, qlike, 14);
        Assert.False(QLike.IsDefinedFor(0.0));
        Assert.Contains("all 2 are 0", Assert.Throws<ArgumentException>(() => QLike.Compute([0.0, 0.0], [0.01, 0.02])).Message);
        Assert.Contains("row 0", Assert.Throws<ArgumentException>(() => QLike.Compute([-0.01], [0.01])).Message);
    }

    [Fact]
    public void Metrics_refuse_unpaired_inputs()
    {
        Assert.Throws<ArgumentException>(() => Rmse.Compute([0.01, 0.02], [0.01]));
        Assert.Throws<ArgumentException>(() => QLike.Compute([], []));
    }

    [Fact]
    public void Baseline_rescales_the_20_day_vol_to_5_days()
    {
        var features = new double[14];
        features[5] = 0.04;
        Assert.Equal(0.02, Baseline.Forecast(features), 15);
    }
}
