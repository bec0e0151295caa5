using System.Text.Json.Serialization;

namespace MlRisk.Core.Modeling;

/// <summary>
/// Out-of-sample accuracy of one forecaster; improvements are relative to the baseline,
/// 1 - metric / baseline metric (positive = better than the baseline).
/// </summary>
public sealed record ForecastScore(
    string Forecaster,
    double Rmse,
    [property: JsonPropertyName("qlike")] double QLike,
    double RmseImprovement,
    [property: JsonPropertyName("qlike_improvement")] double QLikeImprovement);
