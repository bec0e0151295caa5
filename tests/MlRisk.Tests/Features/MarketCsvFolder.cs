using System.Globalization;
using MlRisk.Core.Contracts;

namespace MlRisk.Tests.Features;

/// <summary>
/// Test support: curated rows from the real CSV folder, read without the production csv source so the feature tests
/// stand alone. Understands the two shapes of that folder — Yahoo (<c>Date,Close,…</c>, ISO dates; <c>Adj Close</c>
/// when present, else <c>Close</c>) and CBOE (<c>DATE,…,CLOSE</c>, MM/DD/YYYY) — matching headers case-insensitively.
/// ret = ln(adj_close_t / adj_close_{t-1}); a symbol's first date has no row, as in curated.market_daily.
/// </summary>
internal static class MarketCsvFolder
{
    public static List<CuratedRow> ReadCurated(string folder)
    {
        var rows = new List<CuratedRow>();
        foreach (var symbol in Symbols.All) rows.AddRange(ReadSymbol(Path.Combine(folder, symbol + ".csv"), symbol));
        return rows;
    }

    private static IEnumerable<CuratedRow> ReadSymbol(string file, string symbol)
    {
        using var lines = File.ReadLines(file).GetEnumerator();
        if (!lines.MoveNext()) throw new InvalidDataException($"{file} is empty");
        var header = lines.Current.Split(',').Select(name => name.Trim()).ToList();
        var dateColumn = Column(header, file, "Date");
        var priceColumn = header.FindIndex(name => name.Equals("Adj Close", StringComparison.OrdinalIgnoreCase));
        if (priceColumn < 0) priceColumn = Column(header, file, "Close");

        var bars = new List<(DateOnly Date, double Price)>();
        var line = 1;
        while (lines.MoveNext())
        {
            line++;
            var fields = lines.Current.Split(',');
            var text = fields[dateColumn];
            var date = text.Contains('/')
                ? DateOnly.ParseExact(text, "MM/dd/yyyy", CultureInfo.InvariantCulture)
                : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (!double.TryParse(fields[priceColumn], NumberStyles.Float, CultureInfo.InvariantCulture, out var price))
            {
                throw new InvalidDataException($"{file} line {line}: column {header[priceColumn]} is not a number");
            }
            bars.Add((date, price));
        }
        bars.Sort((a, b) => a.Date.CompareTo(b.Date));
        for (var i = 1; i < bars.Count; i++)
        {
            yield return new CuratedRow(symbol, bars[i].Date, Math.Log(bars[i].Price / bars[i - 1].Price), bars[i].Price);
        }
    }

    private static int Column(List<string> header, string file, string name)
    {
        var index = header.FindIndex(column => column.Equals(name, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : throw new InvalidDataException($"{file} has no {name} column");
    }
}
