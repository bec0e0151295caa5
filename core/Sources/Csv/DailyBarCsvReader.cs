using System.Globalization;
using CsvHelper;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Sources.Csv;

/// <summary>
/// Reads daily bars from CSV text in the two real-world shapes: Yahoo-style <c>Date,Open,High,Low,Close[,Adj Close],Volume</c>
/// with ISO dates, and CBOE-style <c>DATE,OPEN,HIGH,LOW,CLOSE</c> with MM/DD/YYYY dates. Columns are matched by header
/// name, ignoring case, spaces and underscores, in any order. AdjClose is <c>Adj Close</c> when present, else Close;
/// Volume is 0 when the file has none. Every row must parse and dates must strictly increase, or the whole read fails
/// with the location, line and column.
/// </summary>
internal static class DailyBarCsvReader
{
    private const string ExpectedShapes =
        "expected Date,Open,High,Low,Close with optional Adj Close and Volume (Yahoo) or DATE,OPEN,HIGH,LOW,CLOSE (CBOE)";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "MM/dd/yyyy", "M/d/yyyy"];

    /// <summary>Reads every row of <paramref name="utf8"/>; <paramref name="location"/> (file or URL) goes into error messages.</summary>
    public static async Task<List<SourceBar>> ReadAsync(Stream utf8, string symbol, string location, CancellationToken ct)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            TrimWhitespace = true,
            TrackLineNumbers = true,
            FormatProvider = CultureInfo.InvariantCulture,
        };
        await using var csv = CsvReader.Create(utf8, options, leaveOpen: true);
        try
        {
            await csv.ReadHeaderAsync(ct);
            var header = csv.Headers.ToArray();
            if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
            {
                throw new MarketSourceException(symbol, location, $"is empty: no header row; {ExpectedShapes}");
            }
            var columns = Columns.From(header, symbol, location);

            var bars = new List<SourceBar>();
            while (await csv.ReadAsync(ct))
            {
                var row = new Row(csv, columns, symbol, location);
                var bar = row.ToBar();
                if (bars.Count > 0 && bar.Date <= bars[^1].Date)
                {
                    throw new MarketSourceException(symbol, location,
                        $"line {row.Line}: date {bar.Date:yyyy-MM-dd} does not come after the previous row's {bars[^1].Date:yyyy-MM-dd} (rows must be in date order without duplicates)");
                }
                bars.Add(bar);
            }
            return bars;
        }
        catch (CsvFormatException e)
        {
            throw new MarketSourceException(symbol, location, $"line {e.LineNumber}: unreadable CSV ({FirstLine(e.Message)})", e);
        }
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n');
        return (end < 0 ? message : message[..end]).TrimEnd('\r');
    }

    private static string Normalize(string header) =>
        header.Replace(" ", "").Replace("_", "").Replace("-", "").ToLowerInvariant();

    /// <summary>Positions of the known columns in a header, and the header as written for error messages.</summary>
    private sealed class Columns
    {
        public required string[] Header { get; init; }
        public required int Date { get; init; }
        public required int Open { get; init; }
        public required int High { get; init; }
        public required int Low { get; init; }
        public required int Close { get; init; }
        public required int AdjClose { get; init; }
        public required int Volume { get; init; }

        public static Columns From(string[] header, string symbol, string location)
        {
            var index = new Dictionary<string, int>();
            for (var i = 0; i < header.Length; i++)
            {
                var name = Normalize(header[i]);
                if (!index.TryAdd(name, i))
                {
                    throw new MarketSourceException(symbol, location, $"column '{header[i]}' appears twice in the header");
                }
            }

            int Required(string name) => index.TryGetValue(name, out var i)
                ? i
                : throw new MarketSourceException(symbol, location,
                    $"has no '{name}' column (header: {string.Join(",", header)}); {ExpectedShapes}");

            return new Columns
            {
                Header = header,
                Date = Required("date"),
                Open = Required("open"),
                High = Required("high"),
                Low = Required("low"),
                Close = Required("close"),
                AdjClose = index.GetValueOrDefault("adjclose", -1),
                Volume = index.GetValueOrDefault("volume", -1),
            };
        }
    }

    /// <summary>One data row, parsed field by field so an error names the line and the column as the header spells it.</summary>
    private readonly struct Row
    {
        private readonly CsvReader _csv;
        private readonly Columns _columns;
        private readonly string _symbol;
        private readonly string _location;

        public Row(CsvReader csv, Columns columns, string symbol, string location)
        {
            _csv = csv;
            _columns = columns;
            _symbol = symbol;
            _location = location;
            Line = csv.LineNumber;
            if (csv.FieldCount != columns.Header.Length)
            {
                throw new MarketSourceException(symbol, location,
                    $"line {Line} has {csv.FieldCount} fields but the header has {columns.Header.Length} (truncated or malformed row)");
            }
        }

        public long Line { get; }

        public SourceBar ToBar()
        {
            var close = Number(_columns.Close);
            return new SourceBar(
                _symbol,
                Date(_columns.Date),
                Number(_columns.Open),
                Number(_columns.High),
                Number(_columns.Low),
                close,
                _columns.AdjClose >= 0 ? Number(_columns.AdjClose) : close,
                _columns.Volume >= 0 ? Volume(_columns.Volume) : 0);
        }

        private DateOnly Date(int column)
        {
            var value = _csv.GetString(column);
            // yfinance writes session timestamps such as "2020-03-16 00:00:00-04:00": the date is what counts.
            var text = value.Length > 10 && (value[10] == ' ' || value[10] == 'T') ? value[..10] : value;
            if (DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            throw Malformed(column, value, "is not a date (expected YYYY-MM-DD or MM/DD/YYYY)");
        }

        private double Number(int column)
        {
            var value = _csv.GetString(column);
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)) return number;
            throw Malformed(column, value, "is not a finite number");
        }

        private long Volume(int column)
        {
            var value = _csv.GetString(column);
            if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var volume)) return volume;
            // Some exports write volumes as floats ("1234.0"); accept them only when they are whole numbers.
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                && double.IsFinite(number) && number == Math.Floor(number) && Math.Abs(number) < 9e15)
            {
                return (long)number;
            }
            throw Malformed(column, value, "is not a whole number");
        }

        private MarketSourceException Malformed(int column, string value, string problem) =>
            new(_symbol, _location, $"line {Line}, column '{_columns.Header[column]}': '{value}' {problem}");
    }
}
