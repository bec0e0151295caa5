using MlRisk.Core.Contracts;

namespace MlRisk.Core.Lake;

/// <summary>curated.market_daily: one row per (symbol, date) with the daily log return of the adjusted close.</summary>
public sealed class CuratedMarketDataset : Dataset<CuratedRow>
{
    /// <summary>|ret| at or above this is a data error, not a market move (-39% / +65% in a day): DESIGN §3's bound for traded instruments.</summary>
    public const double MaxAbsReturn = 0.5;

    /// <summary>
    /// The bound for the volatility indices, whose real moves exceed the traded one: VIX rose 116% (ret 0.768) and
    /// VIX3M 65% (ret 0.502) on 2018-02-05. A one-day move past 2.7x (ret 1) is still treated as a data error.
    /// </summary>
    public const double MaxAbsIndexReturn = 1.0;

    public static double ReturnBound(string symbol) => symbol is Symbols.Vix or Symbols.Vix3m ? MaxAbsIndexReturn : MaxAbsReturn;

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
        writer.Strings(symbol);
        writer.Dates(date);
        writer.Doubles(ret);
        writer.Doubles(adj);
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
        var bound = ReturnBound(row.Symbol);
        if (!(Math.Abs(row.Ret) < bound)) checks.Fail("ret", $"|ret| < {Show(bound)}", $"{Label(row)}: ret {Show(row.Ret)}");
        if (!(row.AdjClose > 0) || !IsFinite(row.AdjClose)) checks.Fail("adj_close", "price > 0", $"{Label(row)}: adj_close {Show(row.AdjClose)}");
    }

    internal override string? Difference(CuratedRow stored, CuratedRow incoming) =>
        !stored.Ret.Equals(incoming.Ret) ? $"ret {Show(stored.Ret)} -> {Show(incoming.Ret)}"
        : !stored.AdjClose.Equals(incoming.AdjClose) ? $"adj_close {Show(stored.AdjClose)} -> {Show(incoming.AdjClose)}"
        : null;
}
