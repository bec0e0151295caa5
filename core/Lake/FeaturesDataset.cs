using MlRisk.Core.Contracts;

namespace MlRisk.Core.Lake;

/// <summary>features_daily: date and the 14 features of <see cref="FeatureNames"/>, stored in that order.</summary>
public sealed class FeaturesDataset : Dataset<FeatureRow>
{
    public override string Name => "features_daily";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
        [new("date", ColumnType.Date), .. FeatureNames.All.Select(f => new ColumnSpec(f, ColumnType.Double))];

    public override DateOnly DateOf(FeatureRow row) => row.Date;

    public override string KeyOf(FeatureRow row) => "";

    internal override void Encode(PartitionColumnsWriter writer, IReadOnlyList<FeatureRow> rows)
    {
        writer.Dates("date", [.. rows.Select(r => r.Date)]);
        for (var f = 0; f < FeatureNames.Count; f++)
        {
            var column = new double[rows.Count];
            for (var i = 0; i < rows.Count; i++) column[i] = rows[i].Features[f];
            writer.Doubles(FeatureNames.All[f], column);
        }
    }

    internal override FeatureRow[] Decode(PartitionColumnsReader reader)
    {
        var date = reader.Dates("date");
        var columns = new double[FeatureNames.Count][];
        for (var f = 0; f < FeatureNames.Count; f++) columns[f] = reader.Doubles(FeatureNames.All[f]);
        var rows = new FeatureRow[reader.Rows];
        for (var i = 0; i < rows.Length; i++)
        {
            var values = new double[FeatureNames.Count];
            for (var f = 0; f < FeatureNames.Count; f++) values[f] = columns[f][i];
            rows[i] = new FeatureRow(date[i], values);
        }
        return rows;
    }

    internal override void CheckRow(FeatureRow row, PartitionChecks checks)
    {
        var violations = new List<FeatureViolation>();
        FeatureDomain.Check(row.Features, violations);
        foreach (var v in violations)
        {
            // A stored NaN is how a missing value shows up in a partition: report it as the null it stands for.
            if (double.IsFinite(v.Value)) checks.Fail(v.Feature, v.Rule, $"{Label(row)}: {Show(v.Value)}, allowed {v.Allowed}");
            else checks.Fail(v.Feature, "non-null", $"{Label(row)}: {Show(v.Value)}");
        }
    }

    internal override string? Difference(FeatureRow stored, FeatureRow incoming)
    {
        for (var f = 0; f < FeatureNames.Count; f++)
        {
            if (!stored.Features[f].Equals(incoming.Features[f]))
            {
                return $"{FeatureNames.All[f]} {Show(stored.Features[f])} -> {Show(incoming.Features[f])}";
            }
        }
        return null;
    }
}
