using System.Text.Json.Serialization;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Serving;

/// <summary>
/// One date of forecast history: the stored forecast, the realized rv_5d once its five sessions have passed,
/// the baseline spy_vol_20d * sqrt(5/20) for the same date, and the stored predictive distribution (quantiles, regime
/// probabilities, VaR/ES). All volatilities are 5-day, not annualized.
/// </summary>
public sealed record PredictionHistoryPoint(
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("rv_5d_hat")] double Rv5dHat,
    [property: JsonPropertyName("rv_5d")] double? Rv5dRealized,
    [property: JsonPropertyName("baseline")] double? Baseline,
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("source")] string Source,
    ForecastDistribution Distribution);
