using MlRisk.Core.Contracts;

namespace MlRisk.Core.Lake;

/// <summary>
/// monitoring_daily: per realized date, the forecast scored (rv_5d, rv_5d_hat, var_5d_hat, baseline_hat, har_x_hat,
/// in_80, in_90), the rolling live scores, their ratios and Diebold–Mariano p-values, and the drift of every feature as
/// four aligned lists (drift_feature: the 14 feature names in contract order; psi, ks, out_of_range). Lists rather than
/// 42 columns: a backfill writes thousands of partitions, and each column of each file costs its own chunk.
/// status (ok | warn | alert) and reasons. The per-date forecast columns let a daily run extend the rolling window
/// from this dataset alone.
/// </summary>
public sealed class MonitoringDataset : Dataset<MonitoringRow>
{
    private static readonly string[] ForecastColumns = ["rv_5d", "rv_5d_hat", "var_5d_hat", "baseline_hat", "har_x_hat"];

    private static readonly string[] ScoreColumns =
    [
        "qlike_model", "qlike_baseline", "qlike_har_x", "rmse_model", "rmse_baseline", "rmse_har_x", "coverage_80", "coverage_90",
        "dm_p_baseline", "dm_p_har_x", "qlike_ratio_baseline", "qlike_ratio_har_x", "rmse_ratio_baseline", "rmse_ratio_har_x",
    ];

    public override string Name => "monitoring_daily";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("date", ColumnType.Date), new("model_version", ColumnType.String),
        .. ForecastColumns.Select(c => new ColumnSpec(c, ColumnType.Double)),
        new("in_80", ColumnType.Int64), new("in_90", ColumnType.Int64), new("window_sessions", ColumnType.Int64),
        .. ScoreColumns.Select(c => new ColumnSpec(c, ColumnType.Double)),
        new("drift_feature", ColumnType.StringList), new("psi", ColumnType.DoubleList), new("ks", ColumnType.DoubleList),
        new("out_of_range", ColumnType.DoubleList),
        new("status", ColumnType.String), new("reasons", ColumnType.StringList),
    ];

    public override DateOnly DateOf(MonitoringRow row) => row.Date;

    public override string KeyOf(MonitoringRow row) => "";

    internal override void Encode(PartitionColumnsWriter writer, IReadOnlyList<MonitoringRow> rows)
    {
        writer.Dates("date", [.. rows.Select(r => r.Date)]);
        writer.Strings("model_version", [.. rows.Select(r => r.ModelVersion)]);
        writer.Doubles("rv_5d", [.. rows.Select(r => r.Forecast.Realized)]);
        writer.Doubles("rv_5d_hat", [.. rows.Select(r => r.Forecast.Rv5dHat)]);
        writer.Doubles("var_5d_hat", [.. rows.Select(r => r.Forecast.Var5dHat)]);
        writer.Doubles("baseline_hat", [.. rows.Select(r => r.Forecast.Baseline)]);
        writer.Doubles("har_x_hat", [.. rows.Select(r => r.Forecast.HarX)]);
        writer.Int64s("in_80", [.. rows.Select(r => r.Forecast.In80 ? 1L : 0L)]);
        writer.Int64s("in_90", [.. rows.Select(r => r.Forecast.In90 ? 1L : 0L)]);
        writer.Int64s("window_sessions", [.. rows.Select(r => (long)r.Scores.Sessions)]);
        writer.Doubles("qlike_model", [.. rows.Select(r => r.Scores.QlikeModel)]);
        writer.Doubles("qlike_baseline", [.. rows.Select(r => r.Scores.QlikeBaseline)]);
        writer.Doubles("qlike_har_x", [.. rows.Select(r => r.Scores.QlikeHarX)]);
        writer.Doubles("rmse_model", [.. rows.Select(r => r.Scores.RmseModel)]);
        writer.Doubles("rmse_baseline", [.. rows.Select(r => r.Scores.RmseBaseline)]);
        writer.Doubles("rmse_har_x", [.. rows.Select(r => r.Scores.RmseHarX)]);
        writer.Doubles("coverage_80", [.. rows.Select(r => r.Scores.Coverage80)]);
        writer.Doubles("coverage_90", [.. rows.Select(r => r.Scores.Coverage90)]);
        writer.Doubles("dm_p_baseline", [.. rows.Select(r => r.Scores.DmPBaseline)]);
        writer.Doubles("dm_p_har_x", [.. rows.Select(r => r.Scores.DmPHarX)]);
        writer.Doubles("qlike_ratio_baseline", [.. rows.Select(r => r.Scores.QlikeRatioBaseline)]);
        writer.Doubles("qlike_ratio_har_x", [.. rows.Select(r => r.Scores.QlikeRatioHarX)]);
        writer.Doubles("rmse_ratio_baseline", [.. rows.Select(r => r.Scores.RmseRatioBaseline)]);
        writer.Doubles("rmse_ratio_har_x", [.. rows.Select(r => r.Scores.RmseRatioHarX)]);
        writer.StringLists("drift_feature", [.. rows.Select(r => r.Drift.Select(d => d.Feature).ToArray())]);
        writer.DoubleLists("psi", [.. rows.Select(r => r.Drift.Select(d => d.Psi).ToArray())]);
        writer.DoubleLists("ks", [.. rows.Select(r => r.Drift.Select(d => d.Ks).ToArray())]);
        writer.DoubleLists("out_of_range", [.. rows.Select(r => r.Drift.Select(d => d.OutOfRange).ToArray())]);
        writer.Strings("status", [.. rows.Select(r => MonitorStatusName.Of(r.Status))]);
        writer.StringLists("reasons", [.. rows.Select(r => r.Reasons.ToArray())]);
    }

    internal override MonitoringRow[] Decode(PartitionColumnsReader reader)
    {
        var date = reader.Dates("date");
        var version = reader.Strings("model_version");
        var forecast = ForecastColumns.Select(reader.Doubles).ToArray();
        var in80 = reader.Int64s("in_80");
        var in90 = reader.Int64s("in_90");
        var sessions = reader.Int64s("window_sessions");
        var scores = ScoreColumns.Take(10).Select(reader.Doubles).ToArray();
        var features = reader.StringLists("drift_feature");
        var psi = reader.DoubleLists("psi");
        var ks = reader.DoubleLists("ks");
        var outside = reader.DoubleLists("out_of_range");
        var status = reader.Strings("status");
        var reasons = reader.StringLists("reasons");
        var rows = new MonitoringRow[reader.Rows];
        for (var i = 0; i < rows.Length; i++)
        {
            var row = i;
            var parsed = Enum.TryParse<MonitorStatus>(status[i], ignoreCase: true, out var s) && MonitorStatusName.Of(s) == status[i] ? s : (MonitorStatus)(-1);
            rows[i] = new MonitoringRow(
                date[i], version[i],
                new MonitoredForecast(forecast[0][i], forecast[1][i], forecast[2][i], forecast[3][i], forecast[4][i], in80[i] == 1, in90[i] == 1),
                new LiveScores((int)sessions[i], scores[0][i], scores[1][i], scores[2][i], scores[3][i], scores[4][i], scores[5][i], scores[6][i], scores[7][i], scores[8][i], scores[9][i]),
                [.. features[i].Select((f, k) => new FeatureDrift(f, At(psi[row], k), At(ks[row], k), At(outside[row], k)))],
                parsed, reasons[i]);
            if (psi[i].Length != features[i].Length || ks[i].Length != features[i].Length || outside[i].Length != features[i].Length)
            {
                throw new InvalidDataException(
                    $"{date[i]:yyyy-MM-dd}: drift_feature, psi, ks and out_of_range have {features[i].Length}, {psi[i].Length}, {ks[i].Length} and {outside[i].Length} entries; they must align");
            }
            if (in80[i] is not (0 or 1) || in90[i] is not (0 or 1))
            {
                throw new InvalidDataException($"{date[i]:yyyy-MM-dd}: in_80 and in_90 must be 0 or 1, got {in80[i]} and {in90[i]}");
            }
        }
        return rows;
    }

    internal override void CheckRow(MonitoringRow row, PartitionChecks checks)
    {
        if (string.IsNullOrWhiteSpace(row.ModelVersion)) checks.Fail("model_version", "non-empty", $"{Label(row)}: blank");
        var f = row.Forecast;
        if (!(f.Realized >= 0) || !IsFinite(f.Realized)) checks.Fail("rv_5d", "rv_5d >= 0", $"{Label(row)}: {Show(f.Realized)}");
        Positive("rv_5d_hat", f.Rv5dHat);
        Positive("var_5d_hat", f.Var5dHat);
        Positive("baseline_hat", f.Baseline);
        Positive("har_x_hat", f.HarX);
        var s = row.Scores;
        if (s.Sessions < 1) checks.Fail("window_sessions", "window_sessions >= 1", $"{Label(row)}: {s.Sessions}");
        NonNegative("qlike_model", s.QlikeModel);
        NonNegative("qlike_baseline", s.QlikeBaseline);
        NonNegative("qlike_har_x", s.QlikeHarX);
        NonNegative("rmse_model", s.RmseModel);
        NonNegative("rmse_baseline", s.RmseBaseline);
        NonNegative("rmse_har_x", s.RmseHarX);
        Share("coverage_80", s.Coverage80);
        Share("coverage_90", s.Coverage90);
        Share("dm_p_baseline", s.DmPBaseline);
        Share("dm_p_har_x", s.DmPHarX);
        if (!row.Drift.Select(d => d.Feature).SequenceEqual(FeatureNames.All))
        {
            checks.Fail("drift_feature", "every feature once, in contract order", $"{Label(row)}: [{string.Join(", ", row.Drift.Select(d => d.Feature))}]");
        }
        foreach (var d in row.Drift)
        {
            if (!(d.Psi >= 0) || !IsFinite(d.Psi)) checks.Fail("psi", "psi >= 0", $"{Label(row)}: {d.Feature} {Show(d.Psi)}");
            if (!(d.Ks >= 0 && d.Ks <= 1)) checks.Fail("ks", "ks in [0, 1]", $"{Label(row)}: {d.Feature} {Show(d.Ks)}");
            if (!(d.OutOfRange >= 0 && d.OutOfRange <= 1)) checks.Fail("out_of_range", "out_of_range in [0, 1]", $"{Label(row)}: {d.Feature} {Show(d.OutOfRange)}");
        }
        if (!Enum.IsDefined(row.Status)) checks.Fail("status", "ok, warn or alert", $"{Label(row)}: not one of them");
        if (row.Status != MonitorStatus.Ok && row.Reasons.Count == 0) checks.Fail("reasons", "a warn or alert names its reasons", $"{Label(row)}: none");

        void Positive(string column, double value)
        {
            if (!(value > 0) || !IsFinite(value)) checks.Fail(column, $"{column} > 0", $"{Label(row)}: {Show(value)}");
        }
        void NonNegative(string column, double value)
        {
            if (!(value >= 0) || !IsFinite(value)) checks.Fail(column, $"{column} >= 0", $"{Label(row)}: {Show(value)}");
        }
        void Share(string column, double value)
        {
            if (!(value >= 0 && value <= 1)) checks.Fail(column, $"{column} in [0, 1]", $"{Label(row)}: {Show(value)}");
        }
    }

    internal override string? Difference(MonitoringRow stored, MonitoringRow incoming) =>
        stored.ModelVersion != incoming.ModelVersion ? $"model_version {stored.ModelVersion} -> {incoming.ModelVersion}"
        : stored.Forecast != incoming.Forecast ? "forecast differs"
        : stored.Scores != incoming.Scores ? "scores differ"
        : !stored.Drift.SequenceEqual(incoming.Drift) ? "drift differs"
        : stored.Status != incoming.Status ? $"status {MonitorStatusName.Of(stored.Status)} -> {MonitorStatusName.Of(incoming.Status)}"
        : !stored.Reasons.SequenceEqual(incoming.Reasons) ? "reasons differ"
        : null;

    /// <summary>Entry <paramref name="k"/>, or NaN when the list is short (the alignment check then names the row).</summary>
    private static double At(double[] values, int k) => k < values.Length ? values[k] : double.NaN;
}
