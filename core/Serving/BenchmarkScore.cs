using System.Text.Json.Serialization;

namespace MlRisk.Core.Serving;

/// <summary>
/// Out-of-sample walk-forward losses of one forecaster on the common test dates:
/// RMSE on rv_5d and QLIKE = mean(y²/f² − ln(y²/f²) − 1) on variances (DESIGN §5).
/// </summary>
public sealed record BenchmarkScore(
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("rmse")] double Rmse,
    [property: JsonPropertyName("qlike")] double Qlike)
{
    /// <summary>The trained model.</summary>
    public const string Candidate = "model";

    /// <summary>spy_vol_20d * sqrt(5/20).</summary>
    public const string Baseline = "baseline";

    public const string Har = "har";

    public const string HarX = "har_x";
}
