using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// Decides the predictions_daily rows to write so that every stored prediction is out-of-sample for its
/// date (DESIGN §5): a date the walk-forward tested gets its fold's prediction and drivers; a date after
/// the champion's last training row gets the champion's forecast and SHAP drivers; a date before the first
/// walk-forward test block gets nothing, because no model that had not seen it existed.
/// </summary>
public sealed class PredictionPlanner(
    string version, DateOnly trainedThrough, IReadOnlyList<OutOfSamplePrediction> walkForward, VolatilityModel champion)
{
    /// <summary>Rows for every feature date not in <paramref name="predicted"/>, in date order.</summary>
    public IReadOnlyList<PredictionRow> Plan(IReadOnlyList<FeatureRow> features, IReadOnlySet<DateOnly> predicted)
    {
        var folds = new Dictionary<DateOnly, OutOfSamplePrediction>(walkForward.Count);
        foreach (var p in walkForward) folds[p.Date] = p;

        var rows = new List<PredictionRow>();
        var fresh = new List<FeatureRow>();
        foreach (var row in features)
        {
            if (predicted.Contains(row.Date)) continue;
            if (folds.TryGetValue(row.Date, out var fold))
            {
                rows.Add(new PredictionRow(row.Date, fold.Distribution, fold.Drivers, version, PredictionSources.WalkForward));
            }
            else if (row.Date > trainedThrough)
            {
                TrainingSet.CheckFeatureRow(row);
                fresh.Add(row);
            }
        }

        if (fresh.Count > 0)
        {
            var matrix = new double[fresh.Count * FeatureNames.Count];
            for (var i = 0; i < fresh.Count; i++) fresh[i].Features.CopyTo(matrix, i * FeatureNames.Count);
            var forecasts = new Forecaster(champion).ExplainBatch(matrix);
            for (var i = 0; i < fresh.Count; i++)
            {
                rows.Add(new PredictionRow(fresh[i].Date, forecasts[i].Distribution, forecasts[i].Drivers, version, PredictionSources.Champion));
            }
        }
        rows.Sort((a, b) => a.Date.CompareTo(b.Date));
        return rows;
    }
}
