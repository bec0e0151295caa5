using System.Text.Json;
using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Sources.Live;

/// <summary>
/// Reads a Yahoo Finance chart response (<c>/v8/finance/chart/{symbol}?interval=1d</c>):
/// <c>chart.result[0].timestamp[]</c> (session opens in UTC seconds), <c>indicators.quote[0].{open,high,low,close,volume}[]</c>
/// and <c>indicators.adjclose[0].adjclose[]</c>, or <c>chart.error</c>. Each timestamp becomes its America/New_York date.
/// The whole response must be consistent (arrays of equal length, dates strictly increasing); bars dated after
/// <c>to</c> are dropped before their values are checked, because Yahoo reports the session still trading with
/// nulls until it has prices.
/// </summary>
internal static class YahooChartReader
{
    private static readonly string[] QuoteArrays = ["open", "high", "low", "close", "volume"];

    public static List<SourceBar> Read(string body, string symbol, string yahooSymbol, string url, DateOnly from, DateOnly to)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw Invalid(symbol, url, $"not valid JSON, garbage or a truncated body of {body.Length} characters ({e.Message})", e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("chart", out var chart) || chart.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(symbol, url, "no 'chart' object: not a Yahoo chart response");
            }
            if (chart.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null)
            {
                throw Invalid(symbol, url, $"Yahoo reports an error: {Describe(error)}");
            }
            if (!chart.TryGetProperty("result", out var results) || results.ValueKind != JsonValueKind.Array || results.GetArrayLength() == 0)
            {
                throw Invalid(symbol, url, "chart.result is missing or empty");
            }
            var result = results[0];

            if (result.TryGetProperty("meta", out var meta) && meta.TryGetProperty("symbol", out var metaSymbol)
                && metaSymbol.ValueKind == JsonValueKind.String
                && !string.Equals(metaSymbol.GetString(), yahooSymbol, StringComparison.OrdinalIgnoreCase))
            {
                throw Invalid(symbol, url, $"the response is for {metaSymbol.GetString()}, not {yahooSymbol}");
            }

            var quote = Quote(result, symbol, url);
            if (!result.TryGetProperty("timestamp", out var timestamps) || timestamps.ValueKind == JsonValueKind.Null)
            {
                // Yahoo leaves out the timestamps, and the quote arrays, when the window holds no session.
                if (QuoteArrays.Any(name => quote.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0))
                {
                    throw Invalid(symbol, url, "quote arrays without a timestamp array");
                }
                return [];
            }
            if (timestamps.ValueKind != JsonValueKind.Array)
            {
                throw Invalid(symbol, url, "chart.result[0].timestamp is not an array");
            }

            var n = timestamps.GetArrayLength();
            var open = Array(quote, "open", n, symbol, url);
            var high = Array(quote, "high", n, symbol, url);
            var low = Array(quote, "low", n, symbol, url);
            var close = Array(quote, "close", n, symbol, url);
            var volume = Array(quote, "volume", n, symbol, url);
            var adjClose = AdjClose(result, n, symbol, url);

            var bars = new List<SourceBar>();
            DateOnly? previous = null;
            for (var i = 0; i < n; i++)
            {
                var date = SessionDate(timestamps[i], i, symbol, url);
                if (previous is { } p && date <= p)
                {
                    throw Invalid(symbol, url,
                        $"dates out of order or duplicated: timestamp[{i}] is {date:yyyy-MM-dd}, after {p:yyyy-MM-dd}");
                }
                previous = date;
                if (date < from || date > to) continue;

                var closeValue = Value(close, "close", i, date, symbol, url);
                bars.Add(new SourceBar(
                    symbol,
                    date,
                    Value(open, "open", i, date, symbol, url),
                    Value(high, "high", i, date, symbol, url),
                    Value(low, "low", i, date, symbol, url),
                    closeValue,
                    adjClose is { } adj ? Value(adj, "adjclose", i, date, symbol, url) : closeValue,
                    (long)Math.Round(Value(volume, "volume", i, date, symbol, url))));
            }
            return bars;
        }
    }

    private static JsonElement Quote(JsonElement result, string symbol, string url)
    {
        if (result.TryGetProperty("indicators", out var indicators)
            && indicators.TryGetProperty("quote", out var quotes)
            && quotes.ValueKind == JsonValueKind.Array && quotes.GetArrayLength() > 0
            && quotes[0].ValueKind == JsonValueKind.Object)
        {
            return quotes[0];
        }
        throw Invalid(symbol, url, "chart.result[0].indicators.quote[0] is missing");
    }

    private static JsonElement Array(JsonElement quote, string name, int n, string symbol, string url)
    {
        if (!quote.TryGetProperty(name, out var values) || values.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(symbol, url, $"indicators.quote[0].{name} is missing");
        }
        if (values.GetArrayLength() != n)
        {
            throw Invalid(symbol, url, $"indicators.quote[0].{name} has {values.GetArrayLength()} values for {n} timestamps");
        }
        return values;
    }

    private static JsonElement? AdjClose(JsonElement result, int n, string symbol, string url)
    {
        if (!result.GetProperty("indicators").TryGetProperty("adjclose", out var adjCloses)
            || adjCloses.ValueKind != JsonValueKind.Array || adjCloses.GetArrayLength() == 0)
        {
            return null;
        }
        if (!adjCloses[0].TryGetProperty("adjclose", out var values) || values.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(symbol, url, "indicators.adjclose[0].adjclose is missing");
        }
        if (values.GetArrayLength() != n)
        {
            throw Invalid(symbol, url, $"indicators.adjclose[0].adjclose has {values.GetArrayLength()} values for {n} timestamps");
        }
        return values;
    }

    private static DateOnly SessionDate(JsonElement timestamp, int i, string symbol, string url)
    {
        if (timestamp.ValueKind != JsonValueKind.Number || !timestamp.TryGetInt64(out var seconds))
        {
            throw Invalid(symbol, url, $"timestamp[{i}] is {timestamp.GetRawText()}, not a Unix time");
        }
        var newYork = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeSeconds(seconds), TradingCalendar.NewYork);
        return DateOnly.FromDateTime(newYork.DateTime);
    }

    private static double Value(JsonElement values, string name, int i, DateOnly date, string symbol, string url)
    {
        var value = values[i];
        if (value.ValueKind == JsonValueKind.Null)
        {
            throw Invalid(symbol, url, $"null {name} on {date:yyyy-MM-dd} (index {i}) inside the bar arrays");
        }
        if (value.ValueKind != JsonValueKind.Number || !double.IsFinite(value.GetDouble()))
        {
            throw Invalid(symbol, url, $"{name} on {date:yyyy-MM-dd} (index {i}) is {value.GetRawText()}, not a number");
        }
        return value.GetDouble();
    }

    private static string Describe(JsonElement error) =>
        error.ValueKind == JsonValueKind.Object
        && error.TryGetProperty("code", out var code) && error.TryGetProperty("description", out var description)
            ? $"{code} — {description}"
            : error.GetRawText();

    private static MarketSourceException Invalid(string symbol, string url, string problem, Exception? inner = null) =>
        new(symbol, url, problem, inner);
}
