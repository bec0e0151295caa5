using System.Text.Json.Serialization;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Serving;

/// <summary>The newest monitoring_daily verdict as /health reports it: its date, status and every reason.</summary>
public sealed record MonitorHealth(
    [property: JsonPropertyName("date")] DateOnly Date,
    [property: JsonPropertyName("status")] MonitorStatus Status,
    [property: JsonPropertyName("reasons")] IReadOnlyList<string> Reasons);
