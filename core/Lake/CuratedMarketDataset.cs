using MlRisk.Core.Contracts;

namespace MlRisk.Core.Lake;

/// <summary>curated.market_daily: one row per (symbol, date) with the daily log return of the adjusted close.</summary>
public sealed class CuratedMarketDataset : Dataset<CuratedRow>
{
    public override string Name => "curated.market_daily";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("symbol", ColumnType.String), new("date", ColumnType.Date),
        new("ret", ColumnType.Double), new("adj_close", ColumnType.Double),
    ];

    public override DateOnly DateOf(CuratedRow row) => row.Date;

    public override string KeyOf(CuratedRow row) => row.Symbol;

    internal override string KeyColumns => "symbol,date";

    internal override void Encode(PartitionColumnsWriter writer, IReadOnlyList<CuratedRow> rows)
    {
        var n = rows.Count;
        var symbol = new string[n];
        var date = new DateOnly[n];
        double[] ret = new double[n], adj = new double[n];
        for (var i = 0; i < n; i++) (symbol[i], date[i], ret[i], adj[i]) = (rows[i].Symbol, rows[i].Date, rows[i].Ret, rows[i].AdjClose);
        writer.Strings("symbol", symbol);
        writer.Dates("date", date);
        writer.Doubles("ret", ret);
        writer.Doubles("adj_close", adj);
    }

    internal override CuratedRow[] Decode(PartitionColumnsReader reader)
    {
        var symbol = reader.Strings("symbol");
        var date = reader.Dates("date");
        var ret = reader.Doubles("ret");
        var adj = reader.Doubles("adj_close");
        var rows = new CuratedRow[reader.Rows];
        for (var i = 0; i < rows.Length; i++) rows[i] = new CuratedRow(symbol[i], date[i], ret[i], adj[i]);
        return rows;
    }

    internal override void CheckRow(CuratedRow row, PartitionChecks checks)
    {
        if (string.IsNullOrWhiteSpace(row.Symbol)) checks.Fail("symbol", "non-empty", $"blank symbol on {row.Date:yyyy-MM-dd}");
        var bound = ReturnBounds.Of(row.Symbol);
        if (!(Math.Abs(row.Ret) < bound)) checks.Fail("ret", $"|ret| < {Show(bound)}", $"{Label(row)}: ret {Show(row.Ret)}");
        if (!(row.AdjClose > 0) || !IsFinite(row.AdjClose)) checks.Fail("adj_close", "price > 0", $"{Label(row)}: adj_close {Show(row.AdjClose)}");
    }

    internal override string? Difference(CuratedRow stored, CuratedRow incoming) =>
        !stored.Ret.Equals(incoming.Ret) ? $"ret {Show(stored.Ret)} -> {Show(incoming.Ret)}"
        : !stored.AdjClose.Equals(incoming.AdjClose) ? $"adj_close {Show(stored.AdjClose)} -> {Show(incoming.AdjClose)}"
        : null;
}
