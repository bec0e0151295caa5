using System.Text.Json.Serialization;
using MlRisk.Core.Contracts;
using MlRisk.Core.Monitoring;

namespace MlRisk.Core.Serving;

/// <summary>
/// GET /monitor: the requested range (null = open), the monitor's rolling window and score thresholds (settings, so
/// the dashboard reads them instead of assuming the defaults), and the monitoring_daily rows in it, oldest first.
/// </summary>
public sealed record MonitoringHistoryResponse(
    [property: JsonPropertyName("from")] DateOnly? From,
    [property: JsonPropertyName("to")] DateOnly? To,
    [property: JsonPropertyName("window_sessions")] int WindowSessions,
    [property: JsonPropertyName("thresholds")] MonitorThresholds Thresholds,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("rows")] IReadOnlyList<MonitoringRow> Rows);

/// <summary>The rolling score ratios above which a row warns, named as the scores they bound.</summary>
public sealed record MonitorThresholds(
    [property: JsonPropertyName("qlike_ratio_baseline")] double QlikeRatioBaseline,
    [property: JsonPropertyName("qlike_ratio_har_x")] double QlikeRatioHarX)
{
    public static MonitorThresholds Of(MonitoringOptions options) => new(options.QlikeRatioBaseline, options.QlikeRatioHarX);
}
