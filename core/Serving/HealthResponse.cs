using System.Text.Json.Serialization;

namespace MlRisk.Core.Serving;

/// <summary>
/// GET /health. Status is "no_data" on an empty lake, "model_damaged" when the champion's files do not read,
/// "no_model" without a servable champion, "stale" when the newest forecast is more than
/// <see cref="ServingOptions.MaxStalenessSessions"/> sessions old (or there is none yet), otherwise "ok". The forecast
/// decides, not the data: features that arrived while infer failed still leave the user with yesterday's answer, so
/// both ages are reported. Staleness counts NYSE sessions after a date up to the last completed one. Monitor is the
/// newest monitoring_daily verdict (null before the first), reported beside the status rather than folded into it:
/// a drifting market is news for a risk manager, not an outage.
/// </summary>
public sealed record HealthResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("model_loaded")] bool ModelLoaded,
    [property: JsonPropertyName("model_version")] string? ModelVersion,
    [property: JsonPropertyName("last_data_date")] DateOnly? LastDataDate,
    [property: JsonPropertyName("last_forecast_date")] DateOnly? LastForecastDate,
    [property: JsonPropertyName("last_completed_session")] DateOnly LastCompletedSession,
    [property: JsonPropertyName("staleness_sessions")] int? StalenessSessions,
    [property: JsonPropertyName("forecast_staleness_sessions")] int? ForecastStalenessSessions,
    [property: JsonPropertyName("checked_at")] DateTimeOffset CheckedAt,
    [property: JsonPropertyName("monitor")] MonitorHealth? Monitor);
