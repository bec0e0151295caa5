using MlRisk.Core.Contracts;

namespace MlRisk.Tests.Features;

/// <summary>
/// A small constructed market on consecutive weekdays from 2020-01-06: SPY, TLT and HYG as daily log returns, VIX and
/// VIX3M as index levels, and the (symbol, session) pairs on which a non-SPY symbol has no row. ToCurated writes what
/// the curated dataset would hold: adj_close rebuilt from the returns with an anchor of 100, and a row's ret spanning
/// back to the symbol's previous row, so a gap folds the missed returns into the next row.
/// </summary>
internal sealed record MarketHistory(double[] Spy, double[] Tlt, double[] Hyg, double[] Vix, double[] Vix3m)
{
    public IReadOnlySet<(string Symbol, int Session)> Missing { get; init; } = new HashSet<(string, int)>();

    public int Sessions => Spy.Length;

    public static DateOnly SessionDate(int session) =>
        new DateOnly(2020, 1, 6).AddDays(session / 5 * 7 + session % 5);

    public List<CuratedRow> ToCurated()
    {
        var rows = new List<CuratedRow>();
        AddPriceRows(rows, Symbols.Spy, Spy);
        AddPriceRows(rows, Symbols.Tlt, Tlt);
        AddPriceRows(rows, Symbols.Hyg, Hyg);
        AddLevelRows(rows, Symbols.Vix, Vix);
        AddLevelRows(rows, Symbols.Vix3m, Vix3m);
        return rows;
    }

    private void AddPriceRows(List<CuratedRow> rows, string symbol, double[] r)
    {
        var logPrice = 0.0;
        var retSincePreviousRow = 0.0;
        var hasPreviousRow = false;
        for (var i = 0; i < r.Length; i++)
        {
            logPrice += r[i];
            retSincePreviousRow += r[i];
            if (Missing.Contains((symbol, i))) continue;
            rows.Add(new CuratedRow(symbol, SessionDate(i), hasPreviousRow ? retSincePreviousRow : r[i], 100 * Math.Exp(logPrice)));
            retSincePreviousRow = 0;
            hasPreviousRow = true;
        }
    }

    private void AddLevelRows(List<CuratedRow> rows, string symbol, double[] level)
    {
        var previous = double.NaN;
        for (var i = 0; i < level.Length; i++)
        {
            if (Missing.Contains((symbol, i))) continue;
            rows.Add(new CuratedRow(symbol, SessionDate(i), double.IsNaN(previous) ? 0.0 : Math.Log(level[i] / previous), level[i]));
            previous = level[i];
        }
    }
}
