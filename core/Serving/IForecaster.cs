using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;

namespace MlRisk.Core.Serving;

/// <summary>A loaded model that turns one feature vector into a forecast with its explanation.</summary>
public interface IForecaster
{
    /// <summary>
    /// Forecasts rv_5d from a feature vector and returns the
    /// 3 features with the largest |SHAP|, largest first. Called concurrently by many requests: implementations
    /// must be thread-safe.
    /// </summary>
    Forecast Predict(FeatureVector features);
}
