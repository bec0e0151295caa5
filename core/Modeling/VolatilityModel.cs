using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Core.Modeling;

/// <summary>
/// The rv_5d forecaster: a log-HAR-X linear base plus boosted trees fitted to its residual (the base is
/// LightGBM's init_score), mapped back from log space with a bias correction,
/// rv5_hat = exp( base(x) + trees(x) + logBias ).
/// Owns the booster: dispose it.
/// </summary>
public sealed class VolatilityModel : IDisposable
{
    public LogHarBase Base { get; }
    public Booster Trees { get; }

    /// <summary>Added to the log forecast before exponentiating: exp(log forecast) is a median, not a mean.</summary>
    public double LogBias { get; }

    public VolatilityModel(LogHarBase linearBase, Booster trees, double logBias)
    {
        if (trees.FeatureCount != FeatureNames.Count)
        {
            throw new ArgumentException($"the booster reads {trees.FeatureCount} features; the model needs {FeatureNames.Count}");
        }
        Base = linearBase;
        Trees = trees;
        LogBias = logBias;
    }

    /// <summary>The raw model output, ln rv_5d before bias correction, for each row of a row-major matrix.</summary>
    public double[] PredictLog(ReadOnlySpan<double> features)
    {
        var raw = Trees.PredictRaw(features);
        for (var r = 0; r < raw.Length; r++) raw[r] += Base.Predict(features.Slice(r * FeatureNames.Count, FeatureNames.Count));
        return raw;
    }

    /// <summary>rv_5d forecasts for each row of a row-major matrix.</summary>
    public double[] Forecast(ReadOnlySpan<double> features)
    {
        var forecast = PredictLog(features);
        for (var r = 0; r < forecast.Length; r++) forecast[r] = ToRv5d(forecast[r]);
        return forecast;
    }

    public double ToRv5d(double logForecast) => Math.Exp(logForecast + LogBias);

    /// <summary>
    /// Exact SHAP values of the raw output (ln rv_5d before bias correction): per row, 14 feature contributions
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
