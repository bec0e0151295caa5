using System.Text.Json.Serialization;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Serving;

/// <summary>
/// POST /predict's answer: the spec's three fields first (<c>rv_5d_hat</c>, <c>regime_probs</c> always null as
/// this model has no regimes, <c>top_drivers</c>), then additive fields: <c>warnings</c> names each input outside
/// the model's training range (empty when none is).
/// </summary>
public sealed record PredictResponse(
    [property: JsonPropertyName("rv_5d_hat")] double Rv5dHat,
    [property: JsonPropertyName("regime_probs"), JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    IReadOnlyDictionary<string, double>? RegimeProbs,
    IReadOnlyList<string> TopDrivers,
    DateOnly AsOfDate,
    string ModelVersion,
    [property: JsonPropertyName("rv_5d_hat_annualized")] double Rv5dHatAnnualized,
    IReadOnlyList<Driver> Drivers,
    string FeaturesSource,
    IReadOnlyList<InputWarning> Warnings)
{
    /// <summary>The caller sent feature_vector.</summary>
    public const string FromRequest = "request";

    /// <summary>feature_vector was omitted: the stored features_daily row of as_of_date was used.</summary>
    public const string FromLake = "features_daily";
}
