using MlRisk.Core.Contracts;

namespace MlRisk.Core.Lake;

/// <summary>
/// predictions_daily: date, rv_5d_hat, top_drivers (3 feature names) and the provenance columns
/// model_version, source (walk_forward | champion), driver_shap and driver_value (aligned with top_drivers), then
/// the rest of the predictive distribution (<see cref="ForecastDistribution.ColumnNames"/>: var_5d_hat, the five
/// quantiles, the four regime probabilities, VaR and ES at 95 % and 99 %).
/// </summary>
public sealed class PredictionsDataset : Dataset<PredictionRow>
{
    public static readonly IReadOnlyList<string> Sources = [PredictionSources.WalkForward, PredictionSources.Champion];

    public override string Name => "predictions_daily";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("date", ColumnType.Date), new("rv_5d_hat", ColumnType.Double), new("top_drivers", ColumnType.StringList),
        new("model_version", ColumnType.String), new("source", ColumnType.String),
        new("driver_shap", ColumnType.DoubleList), new("driver_value", ColumnType.DoubleList),
        .. DistributionColumns.Select(name => new ColumnSpec(name, ColumnType.Double)),
    ];

    /// <summary>The distribution's columns after rv_5d_hat, which keeps its place among the first.</summary>
    private static IEnumerable<string> DistributionColumns => ForecastDistribution.ColumnNames.Skip(1);

    /// <summary>How far the regime probabilities may sum from 1: rounding of four numbers that telescope to 1.</summary>
    private const double ProbabilityTolerance = 1e-9;

    public override DateOnly DateOf(PredictionRow row) => row.Date;

    public override string KeyOf(PredictionRow row) => "";

    internal override void Encode(PartitionColumnsWriter writer, IReadOnlyList<PredictionRow> rows)
    {
        writer.Dates("date", [.. rows.Select(r => r.Date)]);
        writer.Doubles("rv_5d_hat", [.. rows.Select(r => r.Rv5dHat)]);
        writer.StringLists("top_drivers", [.. rows.Select(r => r.TopDrivers.Select(d => d.Feature).ToArray())]);
        writer.Strings("model_version", [.. rows.Select(r => r.ModelVersion)]);
        writer.Strings("source", [.. rows.Select(r => r.Source)]);
        writer.DoubleLists("driver_shap", [.. rows.Select(r => r.TopDrivers.Select(d => d.Shap).ToArray())]);
        writer.DoubleLists("driver_value", [.. rows.Select(r => r.TopDrivers.Select(d => d.Value).ToArray())]);
        for (var c = 1; c < ForecastDistribution.ColumnNames.Count; c++)
        {
            var column = c;
            writer.Doubles(ForecastDistribution.ColumnNames[column], [.. rows.Select(r => r.Distribution.ValueOf(column))]);
        }
    }

    internal override PredictionRow[] Decode(PartitionColumnsReader reader)
    {
        var date = reader.Dates("date");
        var numbers = ForecastDistribution.ColumnNames.Select(reader.Doubles).ToArray();
        var drivers = reader.StringLists("top_drivers");
        var version = reader.Strings("model_version");
        var source = reader.Strings("source");
        var shap = reader.DoubleLists("driver_shap");
        var value = reader.DoubleLists("driver_value");
        var rows = new PredictionRow[reader.Rows];
        for (var i = 0; i < rows.Length; i++)
        {
            var n = Math.Min(drivers[i].Length, Math.Min(shap[i].Length, value[i].Length));
            var top = new Driver[n];
            for (var k = 0; k < n; k++) top[k] = new Driver(drivers[i][k], value[i][k], shap[i][k]);
            var row = i;
            rows[i] = new PredictionRow(date[i], ForecastDistribution.FromValues([.. numbers.Select(n => n[row])]), top, version[i], source[i]);
            if (n != drivers[i].Length || n != shap[i].Length || n != value[i].Length)
            {
                throw new InvalidDataException(
                    $"{date[i]:yyyy-MM-dd}: top_drivers, driver_shap and driver_value have {drivers[i].Length}, {shap[i].Length} and {value[i].Length} entries; they must align");
            }
        }
        return rows;
    }

    internal override void CheckRow(PredictionRow row, PartitionChecks checks)
    {
        if (!(row.Rv5dHat > 0) || !IsFinite(row.Rv5dHat)) checks.Fail("rv_5d_hat", "rv_5d_hat > 0", $"{Label(row)}: {Show(row.Rv5dHat)}");
        CheckDistribution(row, checks);
        var names = row.TopDrivers.Select(d => d.Feature).ToArray();
        if (names.Length != Driver.PerForecast || names.Distinct(StringComparer.Ordinal).Count() != Driver.PerForecast)
        {
            checks.Fail("top_drivers", "exactly 3 distinct drivers", $"{Label(row)}: [{string.Join(", ", names)}]");
        }
        foreach (var name in names)
        {
            if (FeatureNames.IndexOf(name) < 0) checks.Fail("top_drivers", "known feature name", $"{Label(row)}: {name}");
        }
        foreach (var d in row.TopDrivers)
        {
            if (!IsFinite(d.Shap)) checks.Fail("driver_shap", "non-null", $"{Label(row)}: {d.Feature} {Show(d.Shap)}");
            if (!IsFinite(d.Value)) checks.Fail("driver_value", "non-null", $"{Label(row)}: {d.Feature} {Show(d.Value)}");
        }
        if (string.IsNullOrWhiteSpace(row.ModelVersion)) checks.Fail("model_version", "non-empty", $"{Label(row)}: blank");
        if (!Sources.Contains(row.Source)) checks.Fail("source", "walk_forward or champion", $"{Label(row)}: {row.Source}");
    }

    private void CheckDistribution(PredictionRow row, PartitionChecks checks)
    {
        var d = row.Distribution;
        var values = d.Values;
        for (var c = 1; c < values.Count; c++)
        {
            if (!IsFinite(values[c])) checks.Fail(ForecastDistribution.ColumnNames[c], "non-null", $"{Label(row)}: {Show(values[c])}");
        }
        if (!(d.Var5dHat > 0)) checks.Fail("var_5d_hat", "var_5d_hat > 0", $"{Label(row)}: {Show(d.Var5dHat)}");
        if (!(d.Q05 > 0 && d.Q05 <= d.Q10 && d.Q10 <= d.Q50 && d.Q50 <= d.Q90 && d.Q90 <= d.Q95))
        {
            checks.Fail("rv_5d_q05..q95", "quantiles positive and ordered",
                $"{Label(row)}: {Show(d.Q05)}, {Show(d.Q10)}, {Show(d.Q50)}, {Show(d.Q90)}, {Show(d.Q95)}");
        }
        var probabilities = d.RegimeProbabilities;
        if (probabilities.Any(p => !(p >= 0 && p <= 1)) || !(Math.Abs(probabilities.Sum() - 1) <= ProbabilityTolerance))
        {
            checks.Fail("p_calm..p_stressed", "probabilities in [0, 1] summing to 1", $"{Label(row)}: {string.Join(", ", probabilities.Select(Show))}");
        }
        if (!(d.Var95 <= d.Es95)) checks.Fail("es95_5d", "var95_5d <= es95_5d", $"{Label(row)}: {Show(d.Var95)} > {Show(d.Es95)}");
        if (!(d.Var99 <= d.Es99)) checks.Fail("es99_5d", "var99_5d <= es99_5d", $"{Label(row)}: {Show(d.Var99)} > {Show(d.Es99)}");
    }

    internal override string? Difference(PredictionRow stored, PredictionRow incoming)
    {
        var before = stored.Distribution.Values;
        var after = incoming.Distribution.Values;
        for (var c = 0; c < before.Count; c++)
        {
            if (!before[c].Equals(after[c])) return $"{ForecastDistribution.ColumnNames[c]} {Show(before[c])} -> {Show(after[c])}";
        }
        if (stored.ModelVersion != incoming.ModelVersion) return $"model_version {stored.ModelVersion} -> {incoming.ModelVersion}";
        if (stored.Source != incoming.Source) return $"source {stored.Source} -> {incoming.Source}";
        if (!stored.TopDrivers.SequenceEqual(incoming.TopDrivers)) return "top drivers differ";
        return null;
    }
}
