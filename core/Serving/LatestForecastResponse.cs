using System.Text.Json.Serialization;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Serving;

/// <summary>GET /predictions/latest: the newest stored forecast with its distribution, drivers and provenance.</summary>
public sealed record LatestForecastResponse(
    [property: JsonPropertyName("as_of_date")] DateOnly AsOfDate,
    [property: JsonPropertyName("rv_5d_hat")] double Rv5dHat,
    [property: JsonPropertyName("rv_5d_hat_annualized")] double Rv5dHatAnnualized,
    [property: JsonPropertyName("top_drivers")] IReadOnlyList<string> TopDrivers,
    [property: JsonPropertyName("drivers")] IReadOnlyList<Driver> Drivers,
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("source")] string Source,
    ForecastDistribution Distribution);
