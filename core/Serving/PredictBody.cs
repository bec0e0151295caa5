using System.Text.Json.Serialization;

namespace MlRisk.Core.Serving;

/// <summary>
/// The documented shape of a POST /predict body, for the OpenAPI document. The handler itself reads bodies
/// with <see cref="PredictRequestReader"/>, which reports errors field by field.
/// </summary>
public sealed record PredictBody(
    [property: JsonPropertyName("as_of_date")] DateOnly AsOfDate,
    [property: JsonPropertyName("feature_vector")] IReadOnlyDictionary<string, double>? FeatureVector);
