using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// Decides the predictions_daily rows to write so that every stored prediction is out-of-sample for its
/// date (DESIGN §5): a date the walk-forward tested gets its fold's prediction and drivers; a date at least
/// <see cref="LabelRow.HorizonSessions"/> sessions after the champion's last training row gets the champion's forecast
/// and SHAP drivers; other dates get nothing, because no model that had not seen their future existed. Before the
/// first walk-forward test block that is history; in the four sessions after the last training row it is the
/// champion's own label, which read returns those dates' forecasts cover. Daily runs never meet that gap (the
/// newest date is always five sessions past the newest label); a catch-up over several dates does, and the next
/// retrain's walk-forward fills it.
/// </summary>
public sealed class PredictionPlanner(
    string version, DateOnly trainedThrough, IReadOnlyList<OutOfSamplePrediction> walkForward, VolatilityModel champion)
{
    /// <summary>
    /// The sessions after <paramref name="trainedThrough"/> whose forecasts cover returns its last labels read: the
    /// first <see cref="LabelRow.HorizonSessions"/> − 1. Counted on the NYSE calendar, as infer reads only the dates
    /// it still has to predict, not the rows between.
    /// </summary>
    public static IReadOnlySet<DateOnly> HorizonGap(DateOnly trainedThrough) =>
        TradingCalendar.Sessions(trainedThrough.AddDays(1), DateOnly.MaxValue).Take(LabelRow.HorizonSessions - 1).ToHashSet();

    /// <summary>Rows for every feature date not in <paramref name="predicted"/>, in date order.</summary>
    public IReadOnlyList<PredictionRow> Plan(IReadOnlyList<FeatureRow> features, IReadOnlySet<DateOnly> predicted)
    {
        var folds = new Dictionary<DateOnly, OutOfSamplePrediction>(walkForward.Count);
        foreach (var p in walkForward) folds[p.Date] = p;

        var gap = HorizonGap(trainedThrough);
        var rows = new List<PredictionRow>();
        var fresh = new List<FeatureRow>();
        foreach (var row in features)
        {
            if (predicted.Contains(row.Date)) continue;
            if (folds.TryGetValue(row.Date, out var fold))
            {
                rows.Add(new PredictionRow(row.Date, fold.Distribution, fold.Drivers, version, PredictionSources.WalkForward));
            }
            else if (row.Date > trainedThrough && !gap.Contains(row.Date))
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
