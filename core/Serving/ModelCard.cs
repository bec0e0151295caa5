using MlRisk.Core.Modeling;

namespace MlRisk.Core.Serving;

/// <summary>
/// What the API and the dashboard show about a trained model: its walk-forward scores against the benchmarks
/// (model, baseline, har_rv, har_x, each with its improvement over the baseline), the gate decision, the
/// calibration of its predictive distributions (coverage, interval scores, regime RPS and reliability, VaR backtests), and the
/// registry's metadata.
/// </summary>
public sealed record ModelCard(
    string ModelVersion, IReadOnlyList<ForecastScore> Scores, GateDecision Gate, CalibrationTable Calibration, ModelMetadata Metadata)
{
    public static ModelCard Of(ModelMetadata metadata) => new(metadata.Version, metadata.Accuracy.All, metadata.Gate, metadata.Calibration, metadata);
}
