using MlRisk.Core.Contracts;

namespace MlRisk.Core.Features;

/// <summary>
/// The curated rows of one symbol in date order, as parallel arrays for the feature loops.
/// Rows are validated on the way in: a duplicate date, a non-finite ret or a non-positive adj_close
/// is a broken curated dataset, and a feature computed from it would be silently wrong.
/// </summary>
internal sealed class CuratedSeries
{
    private CuratedSeries(string symbol, DateOnly[] dates, double[] ret, double[] adjClose)
    {
        Symbol = symbol;
        Dates = dates;
        Ret = ret;
        AdjClose = adjClose;
    }

    public string Symbol { get; }

    public DateOnly[] Dates { get; }

    public double[] Ret { get; }

    public double[] AdjClose { get; }

    public int Count => Dates.Length;

    /// <summary>
    /// Splits curated rows (any order) into one date-ordered series per symbol in <paramref name="symbols"/>;
    /// rows of other symbols are not read. A symbol without rows gets an empty series.
    /// </summary>
    public static Dictionary<string, CuratedSeries> Split(IReadOnlyList<CuratedRow> curated, IReadOnlyList<string> symbols)
    {
        ArgumentNullException.ThrowIfNull(curated);
        var rowsBySymbol = new Dictionary<string, List<CuratedRow>>(symbols.Count, StringComparer.Ordinal);
        foreach (var symbol in symbols) rowsBySymbol[symbol] = [];

        for (var i = 0; i < curated.Count; i++)
        {
            var row = curated[i];
            if (rowsBySymbol.TryGetValue(row.Symbol, out var rows)) rows.Add(row);
        }

        var series = new Dictionary<string, CuratedSeries>(symbols.Count, StringComparer.Ordinal);
        foreach (var (symbol, rows) in rowsBySymbol) series[symbol] = FromRows(symbol, rows);
        return series;
    }

    private static CuratedSeries FromRows(string symbol, List<CuratedRow> rows)
    {
        rows.Sort(static (a, b) => a.Date.CompareTo(b.Date));
        var dates = new DateOnly[rows.Count];
        var ret = new double[rows.Count];
        var adjClose = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (i > 0 && row.Date == dates[i - 1])
            {
                throw new ArgumentException(
                    $"curated.market_daily has two rows for {symbol} on {row.Date:yyyy-MM-dd}; (symbol, date) must be unique — fix the curated partition before building features.");
            }
            if (!double.IsFinite(row.Ret))
            {
                throw new ArgumentException(
                    $"curated.market_daily column ret is {row.Ret} for {symbol} on {row.Date:yyyy-MM-dd}; it must be a finite log return — re-ingest that date.");
            }
            if (!double.IsFinite(row.AdjClose) || row.AdjClose <= 0)
            {
                throw new ArgumentException(
                    $"curated.market_daily column adj_close is {row.AdjClose} for {symbol} on {row.Date:yyyy-MM-dd}; it must be a positive price — re-ingest that date.");
            }
            dates[i] = row.Date;
            ret[i] = row.Ret;
            adjClose[i] = row.AdjClose;
        }
        return new CuratedSeries(symbol, dates, ret, adjClose);
    }
}
