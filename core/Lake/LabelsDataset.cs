using MlRisk.Core.Contracts;

namespace MlRisk.Core.Lake;

/// <summary>labels_daily: rv_5d(t) and the same window's return ret_5d(t) per date.</summary>
public sealed class LabelsDataset : Dataset<LabelRow>
{
    public override string Name => "labels_daily";

    public override IReadOnlyList<ColumnSpec> Columns { get; } = [new("date", ColumnType.Date), new("rv_5d", ColumnType.Double), new("ret_5d", ColumnType.Double)];

    public override DateOnly DateOf(LabelRow row) => row.Date;

    public override string KeyOf(LabelRow row) => "";

    internal override void Encode(PartitionColumnsWriter writer, IReadOnlyList<LabelRow> rows)
    {
        writer.Dates("date", [.. rows.Select(r => r.Date)]);
        writer.Doubles("rv_5d", [.. rows.Select(r => r.Rv5d)]);
        writer.Doubles("ret_5d", [.. rows.Select(r => r.Ret5d)]);
    }

    internal override LabelRow[] Decode(PartitionColumnsReader reader)
    {
        var date = reader.Dates("date");
        var rv = reader.Doubles("rv_5d");
        var ret = reader.Doubles("ret_5d");
        var rows = new LabelRow[reader.Rows];
        for (var i = 0; i < rows.Length; i++) rows[i] = new LabelRow(date[i], rv[i], ret[i]);
        return rows;
    }

    internal override void CheckRow(LabelRow row, PartitionChecks checks)
    {
        if (!(row.Rv5d >= 0) || !IsFinite(row.Rv5d)) checks.Fail("rv_5d", "rv_5d >= 0", $"{Label(row)}: rv_5d {Show(row.Rv5d)}");
        // Five daily returns, each under the traded bound in size.
        if (!(Math.Abs(row.Ret5d) < 5 * ReturnBounds.Traded)) checks.Fail("ret_5d", "|ret_5d| < 2.5", $"{Label(row)}: ret_5d {Show(row.Ret5d)}");
    }

    internal override string? Difference(LabelRow stored, LabelRow incoming) =>
        !stored.Rv5d.Equals(incoming.Rv5d) ? $"rv_5d {Show(stored.Rv5d)} -> {Show(incoming.Rv5d)}"
        : !stored.Ret5d.Equals(incoming.Ret5d) ? $"ret_5d {Show(stored.Ret5d)} -> {Show(incoming.Ret5d)}"
        : null;
}
