using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// The horizon-matched HAR regressors of one feature vector, intercept first (Corsi 2009, DESIGN §5):
/// g = [1, |r1| √5, vol5, vol20 √(5/20), vix/100 √(5/252), vix_term]. HAR-RV uses the first four, HAR-X all six,
/// and the log base all six with the four volatilities in logs.
/// </summary>
public static class HarRegressors
{
    public const int HarX = 6;
    public const int HarRv = 4;

    /// <summary>The feature each regressor reads; -1 for the intercept.</summary>
    public static readonly IReadOnlyList<int> Source =
    [
        -1,
        FeatureNames.IndexOf(FeatureNames.SpyRet1d),
        FeatureNames.IndexOf(FeatureNames.SpyVol5d),
        FeatureNames.IndexOf(FeatureNames.SpyVol20d),
        FeatureNames.IndexOf(FeatureNames.Vix),
        FeatureNames.IndexOf(FeatureNames.VixTerm),
    ];

    private static readonly double Sqrt5 = Math.Sqrt(5.0);
    private static readonly double VixScale = Math.Sqrt(5.0 / 252.0) / 100.0;

    /// <summary>Writes the first <c>g.Length</c> regressors (<see cref="HarRv"/> or <see cref="HarX"/>).</summary>
    public static void Write(ReadOnlySpan<double> features, Span<double> g)
    {
        g[0] = 1.0;
        g[1] = Math.Abs(features[Source[1]]) * Sqrt5;
        g[2] = features[Source[2]];
        g[3] = features[Source[3]] * Baseline.HorizonScale;
        if (g.Length <= HarRv) return;
        g[4] = features[Source[4]] * VixScale;
        g[5] = features[Source[5]];
    }
}
