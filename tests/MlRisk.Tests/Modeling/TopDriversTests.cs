using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;

namespace MlRisk.Tests.Modeling;

public class TopDriversTests
{
    [Fact]
    public void The_three_largest_absolute_shap_values_come_first_with_sign_and_feature_value()
    {
        var values = Enumerable.Range(0, 14).Select(i => i * 0.5).ToArray();
        var shap = new double[15];
        shap[3] = 0.10;
        shap[9] = -0.30;
        shap[0] = 0.20;
        shap[13] = -0.05;
        shap[14] = -4.0; // the expected value is not a driver

        var drivers = TopDrivers.Select(values, shap);

        Assert.Equal(
            [new Driver(FeatureNames.VixTerm, 4.5, -0.30), new Driver(FeatureNames.SpyRet1d, 0.0, 0.20), new Driver(FeatureNames.SpyVol5d, 1.5, 0.10)],
            drivers);
    }

    [Fact]
    public void Ties_keep_the_feature_order_so_drivers_are_deterministic()
    {
        var drivers = TopDrivers.Select(new double[14], new double[14]);
        Assert.Equal([FeatureNames.SpyRet1d, FeatureNames.SpyRet5d, FeatureNames.SpyRet20d], drivers.Select(d => d.Feature));
    }
}
