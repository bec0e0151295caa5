using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Core.Modeling;

/// <summary>
/// The rv_5d forecaster: a log-HAR-X linear base plus boosted trees fitted to its residual (the base is
/// LightGBM's init_score) give the center μ(x) = base(x) + trees(x) of ln rv_5d; the
/// <see cref="PredictiveDistribution"/> around it gives the mean, the second moment E[rv_5d²], quantiles, regime probabilities
/// and VaR/ES. Owns the booster: dispose it.
/// </summary>
public sealed class VolatilityModel : IDisposable
{
    public LogHarBase Base { get; }
    public Booster Trees { get; }

    public PredictiveDistribution Distribution { get; }

    public VolatilityModel(LogHarBase linearBase, Booster trees, PredictiveDistribution distribution)
    {
        if (trees.FeatureCount != FeatureNames.Count)
        {
            throw new ArgumentException($"the booster reads {trees.FeatureCount} features; the model needs {FeatureNames.Count}");
        }
        Base = linearBase;
        Trees = trees;
        Distribution = distribution;
    }

    /// <summary>The raw model output μ(x), the center of ln rv_5d, for each row of a row-major matrix.</summary>
    public double[] PredictLog(ReadOnlySpan<double> features)
    {
        var raw = Trees.PredictRaw(features);
        for (var r = 0; r < raw.Length; r++) raw[r] += Base.Predict(features.Slice(r * FeatureNames.Count, FeatureNames.Count));
        return raw;
    }

    /// <summary>rv_5d_hat = E[rv_5d] for each row of a row-major matrix.</summary>
    public double[] Forecast(ReadOnlySpan<double> features)
    {
        var forecast = PredictLog(features);
        for (var r = 0; r < forecast.Length; r++) forecast[r] = Describe(forecast[r], features.Slice(r * FeatureNames.Count, FeatureNames.Count)).Rv5dHat;
        return forecast;
    }

    /// <summary>The predictive distribution of a row whose raw output is <paramref name="center"/>.</summary>
    public ForecastDistribution Describe(double center, ReadOnlySpan<double> features) => Distribution.Describe(center, features);

    /// <summary>
    /// Exact SHAP values of the raw output μ(x): per row, 14 feature contributions
    /// then the expected value, summing to <see cref="PredictLog"/>. Trees: LightGBM's TreeSHAP; base: the
    /// linear SHAP of <see cref="LogHarBase.AddContributions"/>. SHAP values of a sum of models add up.
    /// </summary>
    public double[] Contributions(ReadOnlySpan<double> features)
    {
        var contributions = Trees.PredictContributions(features);
        const int width = FeatureNames.Count + 1;
        var rows = contributions.Length / width;
        for (var r = 0; r < rows; r++)
        {
            Base.AddContributions(features.Slice(r * FeatureNames.Count, FeatureNames.Count), contributions.AsSpan(r * width, width));
        }
        return contributions;
    }

    public void Dispose() => Trees.Dispose();
}
