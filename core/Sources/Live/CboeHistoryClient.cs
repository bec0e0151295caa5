using System.Text;
using Microsoft.Extensions.Options;
using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;
using MlRisk.Core.Sources.Csv;

namespace MlRisk.Core.Sources.Live;

/// <summary>
/// An index's full daily history as CBOE publishes it (<c>{base}/api/global/us_indices/daily_prices/{SYMBOL}_History.csv</c>,
/// <c>DATE,OPEN,HIGH,LOW,CLOSE</c> with MM/DD/YYYY dates), over the resilient HttpClient registered for it.
/// </summary>
public sealed class CboeHistoryClient(HttpClient http, IOptions<LiveSourceOptions> options)
{
    public string HistoryUrl(string symbol) =>
        $"{options.Value.CboeBaseUrl.TrimEnd('/')}/api/global/us_indices/daily_prices/{Uri.EscapeDataString(symbol)}_History.csv";

    /// <summary>
    /// Every row of the published history, after checking it reaches <paramref name="to"/> within
    /// <see cref="LiveSourceOptions.CboeMaxStaleSessions"/> sessions: a history that stops earlier is stale or cut off.
    /// </summary>
    public async Task<List<SourceBar>> FetchAsync(string symbol, DateOnly to, CancellationToken ct)
    {
        var url = HistoryUrl(symbol);
        var body = await MarketDataDownload.GetTextAsync(http, url, symbol, "CSV", options.Value, ct);
        using var utf8 = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var bars = await DailyBarCsvReader.ReadAsync(utf8, symbol, url, ct);

        var maxStale = options.Value.CboeMaxStaleSessions;
        var oldestAcceptable = TradingCalendar.SessionsBefore(to, maxStale);
        if (bars.Count == 0 || bars[^1].Date < oldestAcceptable)
        {
            var end = bars.Count == 0 ? "has no rows" : $"ends on {bars[^1].Date:yyyy-MM-dd}";
            throw new MarketSourceException(symbol, url,
                $"the history {end}, more than {maxStale} sessions before {to:yyyy-MM-dd}: stale or cut off");
        }
        return bars;
    }
}
