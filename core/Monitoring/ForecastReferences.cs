using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;

namespace MlRisk.Core.Monitoring;

/// <summary>
/// Finds each stored forecast's <see cref="MonitorReference"/>: a champion forecast's is its model's final fit, over
/// every training row (kept by <see cref="MonitorReferenceStore"/>); a walk-forward forecast's is the training window
/// of the fold that made it, rebuilt with the model's own walk-forward settings, so backfilled history is judged
/// against what its forecaster had seen, never against data after it. The features and labels history is read only
/// when a reference must be built.
/// </summary>
public sealed class ForecastReferences(DecodedSnapshotReader reader, ModelRegistry registry, MonitorReferenceStore store, int window)
{
    private readonly Dictionary<string, TrainingWindow> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MonitorReference> _finalFits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (TrainingSet Set, IReadOnlyList<WalkForwardFold> Folds)> _sets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int), MonitorReference> _folds = [];
    private (IReadOnlyList<FeatureRow> Features, IReadOnlyList<LabelRow> Labels)? _history;

    /// <summary>
    /// Builds the fold references the walk-forward forecasts among <paramref name="forecasts"/> need, two folds at a
    /// time: a first monitor run backfills years of history, and each fold's reference is independent of the others.
    /// </summary>
    public async Task PrepareAsync(IReadOnlyList<PredictionRow> forecasts, CancellationToken ct)
    {
        var needed = new List<(string Version, TrainingSet Set, WalkForwardFold Fold)>();
        foreach (var group in forecasts.Where(f => f.Source == PredictionSources.WalkForward).GroupBy(f => f.ModelVersion))
        {
            var (set, folds) = await TrainingSetOfAsync(await WindowAsync(group.Key, ct), ct);
            foreach (var fold in group.Select(f => FoldOf(set, folds, f)).Distinct())
            {
                if (!_folds.ContainsKey((group.Key, fold.Index))) needed.Add((group.Key, set, fold));
            }
        }
        var built = new MonitorReference[needed.Count];
        Parallel.For(0, needed.Count, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct },
            i => built[i] = MonitorReference.Of(needed[i].Set, needed[i].Fold.TrainEnd, window));
        for (var i = 0; i < needed.Count; i++) _folds[(needed[i].Version, needed[i].Fold.Index)] = built[i];
    }

    public async Task<MonitorReference> ForAsync(PredictionRow forecast, CancellationToken ct)
    {
        var version = forecast.ModelVersion;
        var trained = await WindowAsync(version, ct);
        if (forecast.Source != PredictionSources.WalkForward)
        {
            if (_finalFits.TryGetValue(version, out var final)) return final;
            final = await store.ReadAsync(version, window, ct);
            if (final is null)
            {
                var (set, _) = await TrainingSetOfAsync(trained, ct);
                final = MonitorReference.Of(set, set.Rows, window);
                await store.WriteAsync(version, final, ct);
            }
            return _finalFits[version] = final;
        }

        var (rows, folds) = await TrainingSetOfAsync(trained, ct);
        var fold = FoldOf(rows, folds, forecast);
        if (!_folds.TryGetValue((version, fold.Index), out var reference))
        {
            _folds[(version, fold.Index)] = reference = MonitorReference.Of(rows, fold.TrainEnd, window);
        }
        return reference;
    }

    /// <summary>Read from models of any definition: the forecasts in the lake may come from a model older than this code's.</summary>
    private async Task<TrainingWindow> WindowAsync(string version, CancellationToken ct)
    {
        if (!_windows.TryGetValue(version, out var window)) _windows[version] = window = await registry.ReadTrainingWindowAsync(version, ct);
        return window;
    }

    /// <summary>The model's training set (its features × labels up to its last training date) and its walk-forward folds.</summary>
    private async Task<(TrainingSet Set, IReadOnlyList<WalkForwardFold> Folds)> TrainingSetOfAsync(TrainingWindow trained, CancellationToken ct)
    {
        if (_sets.TryGetValue(trained.Version, out var known)) return known;
        _history ??= ((await reader.ReadAllAsync(Datasets.FeaturesDaily, ct)).Rows, (await reader.ReadAllAsync(Datasets.LabelsDaily, ct)).Rows);
        var set = TrainingSet.Join(_history.Value.Features, [.. _history.Value.Labels.Where(l => l.Date <= trained.TrainingTo)]);
        if (set.Rows != trained.TrainingRows)
        {
            throw new InvalidDataException(
                $"model {trained.Version} was trained on {trained.TrainingRows} rows up to {trained.TrainingTo:yyyy-MM-dd}, but the lake now joins " +
                $"{set.Rows} rows up to that date; the lake was changed under the registry: run ./mlrisk validate");
        }
        return _sets[trained.Version] = (set, new WalkForwardSplitter(trained.WalkForward).Split(set.Rows));
    }

    private static WalkForwardFold FoldOf(TrainingSet set, IReadOnlyList<WalkForwardFold> folds, PredictionRow forecast)
    {
        var row = IndexOf(set.Dates, forecast.Date);
        return folds.FirstOrDefault(f => row >= f.TestStart && row < f.TestEnd)
            ?? throw new InvalidDataException(
                $"predictions_daily {forecast.Date:yyyy-MM-dd} is a walk-forward forecast of model {forecast.ModelVersion}, but no fold of that " +
                $"model's walk-forward over {set.Rows} rows tests that date; the lake and the registry disagree: run ./mlrisk validate");
    }

    private static int IndexOf(IReadOnlyList<DateOnly> dates, DateOnly date)
    {
        int lo = 0, hi = dates.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var c = dates[mid].CompareTo(date);
            if (c == 0) return mid;
            if (c < 0) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }
}
