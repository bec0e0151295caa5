using System.Text.Json.Serialization;

namespace MlRisk.Core.Serving;

/// <summary>
/// POST /predict's answer: the spec's three fields first (<c>rv_5d_hat</c>, <c>regime_probs</c> always null as
/// this model has no regimes, <c>top_drivers</c>), then additive fields.
/// </summary>
public sealed record PredictResponse(
    [property: JsonPropertyName("rv_5d_hat")] double Rv5dHat,
    [property: JsonPropertyName("regime_probs"), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    IReadOnlyDictionary<string, double>? RegimeProbs,
    [property: JsonPropertyName("top_drivers")] IReadOnlyList<string> TopDrivers,
    [property: JsonPropertyName("as_of_date")] DateOnly AsOfDate,
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("rv_5d_hat_annualized")] double Rv5dHatAnnualized,
    [property: JsonPropertyName("drivers")] IReadOnlyList<ForecastDriver> Drivers,
    [property: JsonPropertyName("features_source")] string FeaturesSource)
{
    /// <summary>The caller sent feature_vector.</summary>
    public const string FromRequest = "request";

    /// <summary>feature_vector was omitted: the stored features_daily row of as_of_date was used.</summary>
    public const string FromLake = "features_daily";
}
