using System.Text.Json.Serialization;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Serving;

/// <summary>GET /monitor: the requested range (null = open) and the monitoring_daily rows in it, oldest first.</summary>
public sealed record MonitoringHistoryResponse(
    [property: JsonPropertyName("from")] DateOnly? From,
    [property: JsonPropertyName("to")] DateOnly? To,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("rows")] IReadOnlyList<MonitoringRow> Rows);
