using MlRisk.Core.Contracts;

namespace MlRisk.Core.Lake;

/// <summary>
/// raw.market: the bars as the source reported them, one row per (symbol, date). Carries adj_close
/// besides the DESIGN §3 columns, because curated returns are derived from it.
/// </summary>
public sealed class RawMarketDataset : Dataset<SourceBar>
{
    /// <summary>
    /// Relative slack on high/low against open/close: adjusted prices are rescaled floats and index data
    /// (VIX) often has open = high = low = close, so equal values may differ in the last bits.
    /// </summary>
    public const double PriceTolerance = 1e-9;

    public override string Name => "raw.market";

    public override IReadOnlyList<ColumnSpec> Columns { get; } =
    [
        new("symbol", ColumnType.String), new("date", ColumnType.Date),
        new("open", ColumnType.Double), new("high", ColumnType.Double), new("low", ColumnType.Double),
        new("close", ColumnType.Double), new("volume", ColumnType.Int64), new("adj_close", ColumnType.Double),
    ];

    public override DateOnly DateOf(SourceBar row) => row.Date;

    public override string KeyOf(SourceBar row) => row.Symbol;

    internal override string KeyColumns => "symbol,date";

    internal override void Encode(PartitionColumnsWriter writer, IReadOnlyList<SourceBar> rows)
    {
        var n = rows.Count;
        var symbol = new string[n];
        var date = new DateOnly[n];
        double[] open = new double[n], high = new double[n], low = new double[n], close = new double[n], adj = new double[n];
        var volume = new long[n];
        for (var i = 0; i < n; i++)
        {
            var r = rows[i];
            (symbol[i], date[i], open[i], high[i], low[i], close[i], volume[i], adj[i]) =
                (r.Symbol, r.Date, r.Open, r.High, r.Low, r.Close, r.Volume, r.AdjClose);
        }
        writer.Strings("symbol", symbol);
        writer.Dates("date", date);
        writer.Doubles("open", open);
        writer.Doubles("high", high);
        writer.Doubles("low", low);
        writer.Doubles("close", close);
        writer.Int64s("volume", volume);
        writer.Doubles("adj_close", adj);
    }

    internal override SourceBar[] Decode(PartitionColumnsReader reader)
    {
        var symbol = reader.Strings("symbol");
        var date = reader.Dates("date");
        var open = reader.Doubles("open");
        var high = reader.Doubles("high");
        var low = reader.Doubles("low");
        var close = reader.Doubles("close");
        var volume = reader.Int64s("volume");
        var adj = reader.Doubles("adj_close");
        var rows = new SourceBar[reader.Rows];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new SourceBar(symbol[i], date[i], open[i], high[i], low[i], close[i], adj[i], volume[i]);
        }
        return rows;
    }

    internal override void CheckRow(SourceBar row, PartitionChecks checks)
    {
        if (string.IsNullOrWhiteSpace(row.Symbol)) checks.Fail("symbol", "non-empty", $"blank symbol on {row.Date:yyyy-MM-dd}");
        Positive(row, "open", row.Open, checks);
        Positive(row, "high", row.High, checks);
        Positive(row, "low", row.Low, checks);
        Positive(row, "close", row.Close, checks);
        Positive(row, "adj_close", row.AdjClose, checks);
        var top = Math.Max(row.Open, row.Close);
        var bottom = Math.Min(row.Open, row.Close);
        if (row.High < top * (1 - PriceTolerance))
        {
            checks.Fail("high", "high >= max(open, close)", $"{Label(row)}: high {Show(row.High)} < {Show(top)}");
        }
        if (row.Low > bottom * (1 + PriceTolerance))
        {
            checks.Fail("low", "low <= min(open, close)", $"{Label(row)}: low {Show(row.Low)} > {Show(bottom)}");
        }
        if (row.Volume < 0) checks.Fail("volume", "volume >= 0", $"{Label(row)}: volume {row.Volume}");
    }

    internal override string? Difference(SourceBar stored, SourceBar incoming) =>
        !stored.Open.Equals(incoming.Open) ? $"open {Show(stored.Open)} -> {Show(incoming.Open)}"
        : !stored.High.Equals(incoming.High) ? $"high {Show(stored.High)} -> {Show(incoming.High)}"
        : !stored.Low.Equals(incoming.Low) ? $"low {Show(stored.Low)} -> {Show(incoming.Low)}"
        : !stored.Close.Equals(incoming.Close) ? $"close {Show(stored.Close)} -> {Show(incoming.Close)}"
        : !stored.AdjClose.Equals(incoming.AdjClose) ? $"adj_close {Show(stored.AdjClose)} -> {Show(incoming.AdjClose)}"
        : stored.Volume != incoming.Volume ? $"volume {stored.Volume} -> {incoming.Volume}"
        : null;

    private void Positive(SourceBar row, string column, double value, PartitionChecks checks)
    {
        if (!(value > 0) || !IsFinite(value)) checks.Fail(column, "price > 0", $"{Label(row)}: {column} {Show(value)}");
    }
}
