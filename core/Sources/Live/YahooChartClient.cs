using Microsoft.Extensions.Options;
using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Sources.Live;

/// <summary>Daily bars from Yahoo Finance's chart API, over the resilient HttpClient registered for it.</summary>
public sealed class YahooChartClient(HttpClient http, IOptions<LiveSourceOptions> options)
{
    /// <summary>The URL of a daily chart request: the window's New York midnights as period1 and period2.</summary>
    public string ChartUrl(string yahooSymbol, DateOnly from, DateOnly to) =>
        $"{options.Value.YahooBaseUrl.TrimEnd('/')}/v8/finance/chart/{Uri.EscapeDataString(yahooSymbol)}"
        + $"?period1={NewYorkMidnight(from)}&period2={NewYorkMidnight(to.AddDays(1))}&interval=1d&events=div,split";

    /// <summary>
    /// The bars of <paramref name="yahooSymbol"/> (e.g. ^VIX) dated in [from, to], labelled <paramref name="symbol"/> (e.g. VIX).
    /// </summary>
    public async Task<List<SourceBar>> FetchAsync(string symbol, string yahooSymbol, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var url = ChartUrl(yahooSymbol, from, to);
        var body = await MarketDataDownload.GetTextAsync(http, url, symbol, "JSON", options.Value, ct);
        return YahooChartReader.Read(body, symbol, yahooSymbol, url, from, to);
    }

    private static long NewYorkMidnight(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, TradingCalendar.NewYork.GetUtcOffset(local)).ToUnixTimeSeconds();
    }
}
