using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;

namespace MlRisk.Core.Serving;

/// <summary>The champion as the API calls it: forecast and exact SHAP drivers from one loaded model.</summary>
internal sealed class ExplainingForecaster(VolatilityModel model) : IForecaster
{
    private readonly Forecaster _forecaster = new(model);

    public Forecast Predict(FeatureVector features) => _forecaster.Explain(features);
}
