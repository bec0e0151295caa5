using MlRisk.Core.Contracts;

namespace MlRisk.Core.Lake;

/// <summary>
/// predictions_daily: date, rv_5d_hat, top_drivers (3 feature names) and the provenance columns
/// model_version, source (walk_forward | champion), driver_shap and driver_value (aligned with top_drivers).
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
    ];

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
    }

    internal override PredictionRow[] Decode(PartitionColumnsReader reader)
    {
        var date = reader.Dates("date");
        var hat = reader.Doubles("rv_5d_hat");
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
            rows[i] = new PredictionRow(date[i], hat[i], top, version[i], source[i]);
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

    internal override string? Difference(PredictionRow stored, PredictionRow incoming)
    {
        if (!stored.Rv5dHat.Equals(incoming.Rv5dHat)) return $"rv_5d_hat {Show(stored.Rv5dHat)} -> {Show(incoming.Rv5dHat)}";
        if (stored.ModelVersion != incoming.ModelVersion) return $"model_version {stored.ModelVersion} -> {incoming.ModelVersion}";
        if (stored.Source != incoming.Source) return $"source {stored.Source} -> {incoming.Source}";
        if (!stored.TopDrivers.SequenceEqual(incoming.TopDrivers)) return "top drivers differ";
        return null;
    }
}
