using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;

namespace MlRisk.Core.Serving;

/// <summary><see cref="IForecastReader"/> over the lake's predictions_daily, labels_daily, features_daily and monitoring_daily.</summary>
public sealed class LakeForecastReader(LakeReader reader) : IForecastReader
{
    private readonly AppendOnlyDatasetCache<PredictionRow> _predictions = new(reader, Datasets.PredictionsDaily);
    private readonly AppendOnlyDatasetCache<LabelRow> _labels = new(reader, Datasets.LabelsDaily);
    private readonly AppendOnlyDatasetCache<FeatureRow> _features = new(reader, Datasets.FeaturesDaily);
    private readonly AppendOnlyDatasetCache<MonitoringRow> _monitoring = new(reader, Datasets.MonitoringDaily);

    public async Task<PredictionRow?> LatestAsync(CancellationToken ct)
    {
        var predictions = await _predictions.RefreshAsync(ct);
        return predictions.Count == 0 ? null : predictions.Values[^1];
    }

    public async Task<IReadOnlyList<PredictionHistoryPoint>> HistoryAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var predictions = await _predictions.RefreshAsync(ct);
        var labels = await _labels.RefreshAsync(ct);
        var features = await _features.RefreshAsync(ct);

        var points = new List<PredictionHistoryPoint>();
        foreach (var (date, prediction) in predictions)
        {
            if (date < from || date > to) continue;
            double? realized = labels.TryGetValue(date, out var label) ? label.Rv5d : null;
            double? baseline = features.TryGetValue(date, out var row) ? Baseline.Forecast(row.Features) : null;
            points.Add(new PredictionHistoryPoint(
                date, prediction.Rv5dHat, realized, baseline, prediction.ModelVersion, prediction.Source, prediction.Distribution));
        }
        return points;
    }

    public async Task<IReadOnlyList<MonitoringRow>> MonitoringAsync(DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        var rows = await _monitoring.RefreshAsync(ct);
        return [.. rows.Values.Where(r => !(r.Date < from) && !(r.Date > to))];
    }

    public async Task<FeatureRow?> FeaturesAsync(DateOnly date, CancellationToken ct)
    {
        var features = await _features.RefreshAsync(ct);
        return features.GetValueOrDefault(date);
    }

    public async Task<DateOnly?> LastDataDateAsync(CancellationToken ct)
    {
        var listing = await reader.ListAsync(Datasets.FeaturesDaily, ct);
        return listing.LastDate;
    }
}
