using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// The rows the model learns from: every date with both a feature row and a label, in date order,
/// features row-major in <see cref="FeatureNames.All"/> order.
/// </summary>
public sealed class TrainingSet
{
    public IReadOnlyList<DateOnly> Dates { get; }
    public double[] Features { get; }
    public double[] Rv5d { get; }

    /// <summary>The realized 5-session return of each row's label window.</summary>
    public double[] Ret5d { get; }
    public int Rows => Dates.Count;

    private TrainingSet(DateOnly[] dates, double[] features, double[] rv5d, double[] ret5d)
    {
        Ret5d = ret5d;
        Dates = dates;
        Features = features;
        Rv5d = rv5d;
    }

    public ReadOnlySpan<double> Row(int row) => Features.AsSpan(row * FeatureNames.Count, FeatureNames.Count);

    /// <summary>Rows [start, end) of the feature matrix.</summary>
    public ReadOnlySpan<double> Block(int start, int end) => Features.AsSpan(start * FeatureNames.Count, (end - start) * FeatureNames.Count);

    /// <summary>Joins features and labels on date; fails on duplicates, wrong widths and non-finite values.</summary>
    public static TrainingSet Join(IReadOnlyList<FeatureRow> features, IReadOnlyList<LabelRow> labels)
    {
        var labelByDate = new Dictionary<DateOnly, LabelRow>(labels.Count);
        foreach (var label in labels)
        {
            if (!labelByDate.TryAdd(label.Date, label)) throw new ArgumentException($"labels_daily has two rows for {label.Date:yyyy-MM-dd}");
            if (!double.IsFinite(label.Rv5d) || label.Rv5d < 0.0)
            {
                throw new ArgumentException($"labels_daily rv_5d on {label.Date:yyyy-MM-dd} is {label.Rv5d}; it must be finite and >= 0");
            }
        }

        var ordered = new List<FeatureRow>(features.Count);
        foreach (var row in features)
        {
            if (labelByDate.ContainsKey(row.Date)) ordered.Add(row);
        }
        ordered.Sort((a, b) => a.Date.CompareTo(b.Date));

        var dates = new DateOnly[ordered.Count];
        var matrix = new double[ordered.Count * FeatureNames.Count];
        var rv5d = new double[ordered.Count];
        var ret5d = new double[ordered.Count];
        for (var r = 0; r < ordered.Count; r++)
        {
            var row = ordered[r];
            if (r > 0 && dates[r - 1] == row.Date) throw new ArgumentException($"features_daily has two rows for {row.Date:yyyy-MM-dd}");
            CheckFeatureRow(row);
            dates[r] = row.Date;
            row.Features.CopyTo(matrix, r * FeatureNames.Count);
            rv5d[r] = labelByDate[row.Date].Rv5d;
            ret5d[r] = labelByDate[row.Date].Ret5d;
        }
        return new TrainingSet(dates, matrix, rv5d, ret5d);
    }

    /// <summary>Fails when a feature row holds a value that is not finite.</summary>
    public static void CheckFeatureRow(FeatureRow row)
    {
        for (var i = 0; i < FeatureNames.Count; i++)
        {
            if (!double.IsFinite(row.Features[i]))
            {
                throw new ArgumentException($"features_daily row {row.Date:yyyy-MM-dd} has {FeatureNames.All[i]} = {row.Features[i]}; features must be finite");
            }
        }
    }
}
