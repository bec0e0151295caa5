using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// The linear part of the volatility model: HAR-X in logs, fitted by OLS,
/// ln rv5(t) = b0 + b1 ln max(|r1(t)| sqrt(5), 1e-4) + b2 ln vol5(t) + b3 ln(vol20(t) sqrt(5/20))
///           + b4 ln(vix(t)/100 sqrt(5/252)) + b5 vix_term(t).
/// Log volatility is close to Gaussian and multiplicative errors match QLIKE, so the log form forecasts
/// better than the level HAR it extends. All four volatilities are in logs, the daily one too, as in the log HAR of
/// Corsi (2009): a daily term left in levels enters a log model as an exponential in the log of the daily move, and
/// makes one large day move the forecast far more than the log-linear decay the other terms describe. Each regressor reads one feature, which makes its exact SHAP value
/// b_k (g_k(x) - mean g_k) with the training rows as background.
/// </summary>
public sealed class LogHarBase
{
    /// <summary>Volatilities are floored here before taking logs; no real session comes near it.</summary>
    public const double LogFloor = 1e-6;

    /// <summary>
    /// The daily move |r1|·√5 is floored here (|r1| ≈ 0.45 bp, below a one-cent move on SPY's price), so an unchanged
    /// close gives a finite ln, −9.2, instead of −∞. Only unchanged closes reach it: 18 of 3,339 rows of the real folder.
    /// </summary>
    public const double DailyFloor = 1e-4;

    /// <summary>How many regressors the base (and the scale model on the same regressors) has, the intercept included.</summary>
    public const int RegressorCount = HarRegressors.HarX;

    private const int Columns = RegressorCount;
    private static readonly IReadOnlyList<int> Source = HarRegressors.Source;

    public IReadOnlyList<double> Coefficients { get; }

    /// <summary>Mean of each regressor over the training rows: the SHAP background.</summary>
    public IReadOnlyList<double> Means { get; }

    public LogHarBase(IReadOnlyList<double> coefficients, IReadOnlyList<double> means)
    {
        if (coefficients.Count != Columns || means.Count != Columns)
        {
            throw new ArgumentException($"the log-HAR base has {Columns} coefficients and means, got {coefficients.Count} and {means.Count}");
        }
        Coefficients = coefficients;
        Means = means;
    }

    public static double LogTarget(double rv5d) => Math.Log(Math.Max(rv5d, LogFloor));

    /// <summary>The log-HAR-X regressors of one feature vector: the HAR-X regressors with the four volatilities in logs.</summary>
    public static void Regressors(ReadOnlySpan<double> features, Span<double> g)
    {
        HarRegressors.Write(features, g[..Columns]);
        g[1] = Math.Log(Math.Max(g[1], DailyFloor));
        for (var k = 2; k <= 4; k++) g[k] = Math.Log(Math.Max(g[k], LogFloor));
    }

    /// <param name="features">row-major feature vectors.</param>
    /// <param name="logRv5d">ln rv_5d of each row.</param>
    public static LogHarBase Fit(ReadOnlySpan<double> features, ReadOnlySpan<double> logRv5d)
    {
        var rows = logRv5d.Length;
        var design = new double[rows * Columns];
        var means = new double[Columns];
        for (var r = 0; r < rows; r++)
        {
            var g = design.AsSpan(r * Columns, Columns);
            Regressors(features.Slice(r * FeatureNames.Count, FeatureNames.Count), g);
            for (var k = 0; k < Columns; k++) means[k] += g[k];
        }
        for (var k = 0; k < Columns; k++) means[k] /= rows;
        return new LogHarBase(OrdinaryLeastSquares.Fit(design, Columns, logRv5d), means);
    }

    /// <summary>The log-rv forecast of one feature vector.</summary>
    public double Predict(ReadOnlySpan<double> features)
    {
        Span<double> g = stackalloc double[Columns];
        Regressors(features, g);
        var sum = 0.0;
        for (var k = 0; k < Columns; k++) sum += Coefficients[k] * g[k];
        return sum;
    }

    /// <summary>
    /// Adds this part's exact SHAP values to <paramref name="contributions"/> (14 features then the expected value):
    /// phi_feature(k) += b_k (g_k(x) - mean g_k), expected += b0 + sum_k b_k mean g_k.
    /// </summary>
    public void AddContributions(ReadOnlySpan<double> features, Span<double> contributions)
    {
        Span<double> g = stackalloc double[Columns];
        Regressors(features, g);
        contributions[FeatureNames.Count] += Coefficients[0];
        for (var k = 1; k < Columns; k++)
        {
            contributions[Source[k]] += Coefficients[k] * (g[k] - Means[k]);
            contributions[FeatureNames.Count] += Coefficients[k] * Means[k];
        }
    }
}
