using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Sources.Live;

/// <summary>
/// Free public sources over HTTPS: Yahoo Finance's chart API for SPY, TLT and HYG; CBOE's published daily histories
/// for VIX and VIX3M, with Yahoo's ^VIX and ^VIX3M when CBOE fails. Only settled sessions are returned: the end
/// of the window is cut to the last session whose 16:00 New York close is <see cref="SettleTime"/> past, so a bar of
/// a session still trading, or not final yet, is never ingested (the lake keeps the first value it stores).
/// Any invalid response fails the whole fetch with a <see cref="MarketSourceException"/>.
/// </summary>
public sealed class LiveMarketSource(
    YahooChartClient yahoo,
    CboeHistoryClient cboe,
    TimeProvider time,
    IOptions<LiveSourceOptions> options,
    ILogger<LiveMarketSource> log) : IMarketHistorySource
{
    /// <summary>VIX and VIX3M close at 16:15, a quarter hour after the stocks, and the vendors' daily bars settle after that.</summary>
    public static readonly TimeSpan SettleTime = TimeSpan.FromMinutes(30);

    public string Name => MarketSourceKinds.Live;

    public DateOnly DefaultStart => options.Value.Start;

    public async Task<IReadOnlyList<SourceBar>> FetchAsync(string symbol, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var lastCompleted = TradingCalendar.LastCompletedSession(time.GetUtcNow() - SettleTime);
        var end = to < lastCompleted ? to : lastCompleted;
        if (from > end) return [];

        var bars = symbol is Symbols.Vix or Symbols.Vix3m
            ? await FetchIndexAsync(symbol, from, end, ct)
            : await yahoo.FetchAsync(symbol, symbol, from, end, ct);

        var window = BarWindow.Select(bars, from, end, out var nonSessions);
        if (nonSessions.Count > 0)
        {
            log.LogWarning("Left out {Count} bars of {Symbol} dated on days NYSE did not trade, e.g. {Example}",
                nonSessions.Count, symbol, nonSessions[0]);
        }
        log.LogDebug("Fetched {Bars} bars of {Symbol} for {From}..{To}", window.Count, symbol, from, end);
        return window;
    }

    private async Task<List<SourceBar>> FetchIndexAsync(string symbol, DateOnly from, DateOnly to, CancellationToken ct)
    {
        try
        {
            return await cboe.FetchAsync(symbol, to, ct);
        }
        catch (MarketSourceException cboeError)
        {
            var yahooSymbol = "^" + symbol;
            log.LogWarning(cboeError, "CBOE history of {Symbol} failed; falling back to Yahoo {YahooSymbol}", symbol, yahooSymbol);
            try
            {
                return await yahoo.FetchAsync(symbol, yahooSymbol, from, to, ct);
            }
            catch (MarketSourceException yahooError)
            {
                throw new MarketSourceException(symbol, $"{cboeError.Location} and {yahooError.Location}",
                    $"CBOE failed ({cboeError.Problem}) and the Yahoo fallback failed too ({yahooError.Problem})",
                    new AggregateException(cboeError, yahooError));
            }
        }
    }
}
