using System.Text.Json.Serialization;

namespace MlRisk.Core.Serving;

/// <summary>
/// GET /health. Status is "ok" when a champion is loaded and the data is at most
/// <see cref="ServingOptions.MaxStalenessSessions"/> sessions old, "stale" when older, "no_model" without a champion,
/// "no_data" on an empty lake. Monitor is the newest monitoring_daily verdict (null before the first), reported
/// beside the status rather than folded into it: a drifting market is news for a risk manager, not an outage. Staleness counts NYSE sessions after the last data date up to the last completed one.
/// </summary>
public sealed record HealthResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("model_loaded")] bool ModelLoaded,
    [property: JsonPropertyName("model_version")] string? ModelVersion,
    [property: JsonPropertyName("last_data_date")] DateOnly? LastDataDate,
    [property: JsonPropertyName("last_completed_session")] DateOnly LastCompletedSession,
    [property: JsonPropertyName("staleness_sessions")] int? StalenessSessions,
    [property: JsonPropertyName("checked_at")] DateTimeOffset CheckedAt,
    [property: JsonPropertyName("monitor")] MonitorHealth? Monitor);
