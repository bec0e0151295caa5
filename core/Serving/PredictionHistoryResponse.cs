using System.Text.Json.Serialization;

namespace MlRisk.Core.Serving;

/// <summary>GET /predictions: the requested range (null = open) and the stored forecasts in it, oldest first.</summary>
public sealed record PredictionHistoryResponse(
    [property: JsonPropertyName("from")] DateOnly? From,
    [property: JsonPropertyName("to")] DateOnly? To,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("points")] IReadOnlyList<PredictionHistoryPoint> Points);
