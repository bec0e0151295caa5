using System.Text.Json.Serialization;

namespace MlRisk.Core.Contracts;

/// <summary>How a monitored date stands: <c>ok</c>, <c>warn</c> (worth a look) or <c>alert</c> (the train stage retrains).</summary>
public enum MonitorStatus
{
    Ok,
    Warn,
    Alert,
}

/// <summary>
/// One realized forecast as the monitor scores it: the realized rv_5d, the stored forecast's mean and second moment,
/// the baseline's and HAR-X's forecasts of the same date, and whether the realized value fell inside the stored
/// 80 % (q10–q90) and 90 % (q05–q95) intervals.
/// </summary>
/// <remarks>JSON names are the monitoring_daily column names.</remarks>
public sealed record MonitoredForecast(
    [property: JsonPropertyName("rv_5d")] double Realized,
    [property: JsonPropertyName("rv_5d_hat")] double Rv5dHat,
    [property: JsonPropertyName("var_5d_hat")] double Var5dHat,
    [property: JsonPropertyName("baseline_hat")] double Baseline,
    [property: JsonPropertyName("har_x_hat")] double HarX,
    [property: JsonPropertyName("in_80")] bool In80,
    [property: JsonPropertyName("in_90")] bool In90);

/// <summary>
/// The rolling live scores over the last <see cref="Sessions"/> realized forecasts: QLIKE (of var_5d_hat for the model,
/// of the squared point for the benchmarks) and RMSE of each forecaster, the share of realized values inside the
/// intervals, and the one-sided Diebold–Mariano p-values of the model's QLIKE against each benchmark's over the window
/// (small when the model is worse).
/// </summary>
public sealed record LiveScores(
    [property: JsonPropertyName("window_sessions")] int Sessions,
    double QlikeModel, double QlikeBaseline, double QlikeHarX, double RmseModel, double RmseBaseline, double RmseHarX,
    [property: JsonPropertyName("coverage_80")] double Coverage80,
    [property: JsonPropertyName("coverage_90")] double Coverage90,
    double DmPBaseline, double DmPHarX)
{
    /// <summary>The model's rolling QLIKE over the baseline's: above 1 the model is doing worse than the 20-day vol.</summary>
    public double QlikeRatioBaseline => QlikeModel / QlikeBaseline;

    public double QlikeRatioHarX => QlikeModel / QlikeHarX;

    public double RmseRatioBaseline => RmseModel / RmseBaseline;

    public double RmseRatioHarX => RmseModel / RmseHarX;
}

/// <summary>
/// How far one feature's last sessions have moved from the model's training window: the population stability index over
/// the training deciles, the Kolmogorov–Smirnov distance between the two distributions, and the share of the sessions
/// outside the training range (where the trees have never seen a value and extrapolate flat).
/// </summary>
public sealed record FeatureDrift(string Feature, double Psi, double Ks, double OutOfRange);

/// <summary>
/// A row of monitoring_daily: for a date whose label has realized, the forecast scored, the rolling live scores ending at
/// it, each feature's drift over the sessions ending at it, and the status with every reason spelled out.
/// <see cref="ModelVersion"/> is the model whose forecast and training window were used.
/// </summary>
public sealed record MonitoringRow(
    DateOnly Date, string ModelVersion, MonitoredForecast Forecast, LiveScores Scores, IReadOnlyList<FeatureDrift> Drift,
    MonitorStatus Status, IReadOnlyList<string> Reasons);

/// <summary>The one spelling of a <see cref="MonitorStatus"/> in the lake, the API and the logs: ok, warn, alert.</summary>
public static class MonitorStatusName
{
    public static string Of(MonitorStatus status) => status.ToString().ToLowerInvariant();
}
