using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;

namespace MlRisk.Core.Monitoring;

/// <summary>
/// The monitoring_daily rows of the pending dates, in date order. A date's rolling window is the last
/// <see cref="MonitoringOptions.WindowSessions"/> realized forecasts up to it (stored rows carry their own forecast, so a
/// daily run extends the window from them); its drift window is the same number of feature sessions ending at it,
/// against the training window of the model that made its forecast.
/// </summary>
public sealed class MonitorCalculator(MonitoringOptions options)
{
    private readonly MonitorRules _rules = new(options);

    /// <param name="earlier">stored monitoring rows the windows reach back to.</param>
    /// <param name="forecasts">the stored forecasts of the pending dates.</param>
    /// <param name="labels">the realized labels of the pending dates.</param>
    /// <param name="features">feature rows in date order covering every pending date's drift window.</param>
    /// <param name="referenceOf">the reference a forecast is judged against.</param>
    public async Task<IReadOnlyList<MonitoringRow>> ComputeAsync(
        IReadOnlyList<MonitoringRow> earlier, IReadOnlyList<PredictionRow> forecasts, IReadOnlyList<LabelRow> labels,
        IReadOnlyList<FeatureRow> features, Func<PredictionRow, CancellationToken, Task<MonitorReference>> referenceOf, CancellationToken ct)
    {
        var labelOf = labels.ToDictionary(l => l.Date);
        var featureIndex = new Dictionary<DateOnly, int>(features.Count);
        for (var i = 0; i < features.Count; i++) featureIndex[features[i].Date] = i;
        var stored = earlier.ToDictionary(r => r.Date);

        // Drift needs only the date's own window and reference, so it is computed for every pending date first, two
        // dates at a time (a first run backfills years); the rolling scores then run in date order.
        var slots = new List<(DateOnly Date, PredictionRow Forecast, LabelRow Label, int At, MonitorReference Reference)>(forecasts.Count);
        foreach (var forecast in forecasts.OrderBy(f => f.Date))
        {
            var date = forecast.Date;
            if (!labelOf.TryGetValue(date, out var label)) throw new ArgumentException($"{date:yyyy-MM-dd} has a forecast to monitor but no label", nameof(labels));
            if (!featureIndex.TryGetValue(date, out var at))
            {
                throw new InvalidDataException($"predictions_daily has {date:yyyy-MM-dd} but features_daily does not; the lake is inconsistent: run ./mlrisk validate");
            }
            slots.Add((date, forecast, label, at, await referenceOf(forecast, ct)));
        }
        var drifts = new FeatureDrift[slots.Count][];
        Parallel.For(0, slots.Count, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct },
            () => new double[options.WindowSessions],
            (i, _, recent) =>
            {
                drifts[i] = Drift(features, slots[i].At, slots[i].Reference, recent);
                return recent;
            },
            _ => { });

        var window = new List<MonitoredForecast>();
        var rows = new List<MonitoringRow>(forecasts.Count);
        var next = 0;
        foreach (var date in stored.Keys.Concat(slots.Select(s => s.Date)).Order())
        {
            if (stored.TryGetValue(date, out var row))
            {
                Push(window, row.Forecast);
                continue;
            }
            var (_, forecast, label, at, reference) = slots[next];
            var drift = drifts[next++];
            var x = features[at].Features.AsSpan();
            var d = forecast.Distribution;
            var monitored = new MonitoredForecast(
                label.Rv5d, d.Rv5dHat, d.Var5dHat, Baseline.Forecast(x), reference.HarX.Forecast(x),
                label.Rv5d >= d.Q10 && label.Rv5d <= d.Q90, label.Rv5d >= d.Q05 && label.Rv5d <= d.Q95);
            Push(window, monitored);
            var scores = LiveScoreboard.Of(window);
            var (status, reasons) = _rules.Judge(scores, drift, reference.Features);
            rows.Add(new MonitoringRow(date, forecast.ModelVersion, monitored, scores, drift, status, reasons));
        }
        return rows;
    }

    /// <summary>Each feature's drift over the <see cref="MonitoringOptions.WindowSessions"/> feature sessions ending at row <paramref name="at"/>.</summary>
    private FeatureDrift[] Drift(IReadOnlyList<FeatureRow> features, int at, MonitorReference reference, double[] recent)
    {
        var start = Math.Max(0, at - options.WindowSessions + 1);
        var sessions = at - start + 1;
        var drift = new FeatureDrift[FeatureNames.Count];
        for (var f = 0; f < drift.Length; f++)
        {
            for (var s = 0; s < sessions; s++) recent[s] = features[start + s].Features[f];
            var values = recent.AsSpan(0, sessions);
            var percentiles = reference.Features[f].Grid;
            var psi = DriftScores.Psi(percentiles, values);
            var outside = DriftScores.OutOfRange(percentiles, values);
            values.Sort();
            drift[f] = new FeatureDrift(FeatureNames.All[f], psi, DriftScores.Ks(percentiles, values), outside);
        }
        return drift;
    }

    private void Push(List<MonitoredForecast> window, MonitoredForecast forecast)
    {
        window.Add(forecast);
        if (window.Count > options.WindowSessions) window.RemoveAt(0);
    }
}
