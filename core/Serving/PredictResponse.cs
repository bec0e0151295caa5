using System.Text.Json.Serialization;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Serving;

/// <summary>
/// POST /predict's answer: the spec's three fields first (<c>rv_5d_hat</c> = E[rv_5d], <c>regime_probs</c> of calm,
/// normal, elevated and stressed from the predictive distribution, <c>top_drivers</c>: SHAP of the log-vol center,
/// not of the spread), then additive fields: the whole <c>distribution</c> (var_5d_hat, quantiles, VaR/ES) and
/// <c>warnings</c> naming each input outside the model's training range (empty when none is).
/// </summary>
public sealed record PredictResponse(
    [property: JsonPropertyName("rv_5d_hat")] double Rv5dHat,
    IReadOnlyDictionary<string, double> RegimeProbs,
    IReadOnlyList<string> TopDrivers,
    DateOnly AsOfDate,
    string ModelVersion,
    [property: JsonPropertyName("rv_5d_hat_annualized")] double Rv5dHatAnnualized,
    IReadOnlyList<Driver> Drivers,
    string FeaturesSource,
    IReadOnlyList<InputWarning> Warnings,
    ForecastDistribution Distribution)
{
    /// <summary>The caller sent feature_vector.</summary>
    public const string FromRequest = "request";

    /// <summary>feature_vector was omitted: the stored features_daily row of as_of_date was used.</summary>
    public const string FromLake = "features_daily";
}
