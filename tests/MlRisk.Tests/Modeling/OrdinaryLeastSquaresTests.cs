using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;

namespace MlRisk.Tests.Modeling;

public class OrdinaryLeastSquaresTests
{
    [Fact]
    public void An_exact_linear_relation_is_recovered()
    {
        var random = new Random(3);
        const int rows = 50;
        var design = new double[rows * 3];
        var target = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            design[r * 3] = 1.0;
            design[r * 3 + 1] = random.NextDouble();
            design[r * 3 + 2] = random.NextDouble();
            target[r] = 0.5 - 2.0 * design[r * 3 + 1] + 3.0 * design[r * 3 + 2];
        }

        var beta = OrdinaryLeastSquares.Fit(design, 3, target);

        Assert.Equal(0.5, beta[0], 10);
        Assert.Equal(-2.0, beta[1], 10);
        Assert.Equal(3.0, beta[2], 10);
    }

    [Fact]
    public void A_least_squares_fit_matches_the_hand_computed_line()
    {
        // Points (0,1), (1,2), (2,2): slope = 0.5, intercept = 7/6.
        var beta = OrdinaryLeastSquares.Fit([1, 0, 1, 1, 1, 2], 2, [1, 2, 2]);
        Assert.Equal(7.0 / 6.0, beta[0], 12);
        Assert.Equal(0.5, beta[1], 12);
    }

    [Fact]
    public void A_singular_design_fails_loudly()
    {
        var error = Assert.Throws<ArgumentException>(() => OrdinaryLeastSquares.Fit([1, 2, 1, 2, 1, 2], 2, [1, 2, 3]));
        Assert.Contains("singular", error.Message);
    }

    [Fact]
    public void Har_x_fitted_on_its_own_regressors_recovers_their_coefficients()
    {
        var (features, _) = SyntheticMarket.Generate(400);
        var matrix = features.SelectMany(f => f.Features).ToArray();
        double[] truth = [0.001, 0.1, 0.3, 0.4, 0.2, 0.002];
        var rv = new double[features.Count];
        Span<double> g = stackalloc double[6];
        for (var r = 0; r < rv.Length; r++)
        {
            HarModel.Regressors(HarKind.HarX, matrix.AsSpan(r * FeatureNames.Count, FeatureNames.Count), g);
            for (var k = 0; k < 6; k++) rv[r] += truth[k] * g[k];
        }

        var har = HarModel.Fit(HarKind.HarX, matrix, rv);

        for (var k = 0; k < 6; k++) Assert.Equal(truth[k], har.Coefficients[k], 8);
        Assert.Equal(rv[10], har.Forecast(matrix.AsSpan(10 * FeatureNames.Count, FeatureNames.Count)), 10);
    }

    [Fact]
    public void A_har_forecast_never_drops_below_the_smallest_training_label()
    {
        var (features, labels) = SyntheticMarket.Generate(300);
        var matrix = features.SelectMany(f => f.Features).ToArray();
        var har = HarModel.Fit(HarKind.HarRv, matrix, labels.Select(l => l.Rv5d).ToArray());
        var calm = features[0].Features.ToArray();
        calm[FeatureNames.IndexOf(FeatureNames.SpyVol5d)] = -1.0;

        Assert.Equal(labels.Min(l => l.Rv5d), har.Forecast(calm));
    }
}
