using MlRisk.Core.Contracts;

namespace MlRisk.Core.Monitoring;

/// <summary>
/// The latest monitoring_daily row's verdict, kept beside the registry as <c>monitoring/latest.json</c> so that the train
/// stage's retrain decision and /health read one small file instead of the lake. <see cref="AlertSince"/> is the first
/// date of the current run of alert rows (null when the latest row is no alert): one alert streak asks for one retrain.
/// </summary>
public sealed record MonitorReport(DateOnly Date, string ModelVersion, MonitorStatus Status, IReadOnlyList<string> Reasons, DateOnly? AlertSince);
