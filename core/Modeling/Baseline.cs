using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// The baseline of DESIGN §5: f = spy_vol_20d * sqrt(5/20), the 20-session realized vol rescaled to the
/// 5-session horizon (vol grows with the square root of the number of sessions).
/// </summary>
public static class Baseline
{
    public static readonly double HorizonScale = Math.Sqrt(5.0 / 20.0);

    private static readonly int Vol20 = FeatureNames.IndexOf(FeatureNames.SpyVol20d);

    /// <param name="features">the 14 features in <see cref="FeatureNames.All"/> order.</param>
    public static double Forecast(ReadOnlySpan<double> features) => features[Vol20] * HorizonScale;
}
