using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;
using MlRisk.Core.Sources;

namespace MlRisk.Core.Pipeline;

/// <summary>
/// Ingest: asks the source for each symbol from its last stored date minus a few sessions of overlap
/// (from the source's default start when nothing is stored) up to the last completed session, and writes
/// raw.market and curated.market_daily. Overlapping dates are compared, never rewritten: differences
/// are revisions in the result and the log.
/// </summary>
public sealed class IngestStage(
    IMarketSourceFactory sources,
    LakeReader reader,
    PartitionWriter writer,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<IngestStage> log) : IStage
{
    /// <summary>Raw partitions read per step while looking back for each symbol's last stored bar.</summary>
    private const int LookBackStep = 10;

    public StageName Name => StageName.Ingest;

    public async Task<StageResult> RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var source = sources.Create(settings.Source);
        var to = TradingCalendar.LastCompletedSession(time.GetUtcNow());
        var rawListing = await reader.ListAsync(Datasets.RawMarket, ct);
        var curatedListing = await reader.ListAsync(Datasets.CuratedMarketDaily, ct);
        var stored = await LastStoredBarsAsync(rawListing, curatedListing, ct);

        var fetches = await Task.WhenAll(Symbols.All.Select(symbol =>
        {
            stored.TryGetValue(symbol, out var last);
            var from = last is not null ? TradingCalendar.SessionsBefore(last.Date, settings.IngestOverlapSessions) : source.DefaultStart;
            return FetchAsync(source, symbol, from, to, last, ct);
        }));

        var raw = new List<SourceBar>();
        var curated = new List<CuratedRow>();
        CheckSpySessions(source.Name, fetches);
        foreach (var (bars, last) in fetches)
        {
            raw.AddRange(bars);
            var previous = bars.Count > 0 && last is not null && bars[0].Date > last.Date ? last.AdjClose : (double?)null;
            curated.AddRange(CuratedReturns.Build(bars, previous));
        }
        log.LogInformation("Fetched {Bars} bars of {Symbols} from {Source} up to {To}", raw.Count, Symbols.All.Count, source.Name, to);

        var rawPlan = await writer.PlanAsync(Datasets.RawMarket, raw, ct);
        var curatedPlan = await writer.PlanAsync(Datasets.CuratedMarketDaily, curated, ct);
        var writes = await writer.CommitAsync([rawPlan, curatedPlan], ct);
        return new StageResult(Name, raw.Count, writes, [.. rawListing.StrayTempFiles, .. curatedListing.StrayTempFiles]);
    }

    private static async Task<(IReadOnlyList<SourceBar> Bars, SourceBar? Last)> FetchAsync(
        IMarketSource source, string symbol, DateOnly from, DateOnly to, SourceBar? last, CancellationToken ct)
    {
        if (from > to) return ([], last);
        var bars = await source.FetchAsync(symbol, from, to, ct);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            if (bar.Symbol != symbol || bar.Date < from || bar.Date > to || (i > 0 && bar.Date <= bars[i - 1].Date))
            {
                throw new InvalidDataException(
                    $"Source {source.Name} answered {symbol} [{from:yyyy-MM-dd}, {to:yyyy-MM-dd}] with bar {i} = {bar.Symbol} {bar.Date:yyyy-MM-dd}: "
                    + "bars must be of the requested symbol, inside the range and in increasing date order.");
            }
        }
        return (bars, last);
    }

    /// <summary>
    /// SPY's dates are the feature calendar (DESIGN §4): a NYSE session it has no bar for would merge two days' moves
    /// into one return and a six-day label into a five-day one, and the append-only lake would keep the hole for good.
    /// So SPY must have a bar on every session after its last stored bar (from its first fetched one on a first ingest)
    /// up to its last fetched one; the overlap before it is stored already. A missing last session is not a hole: the
    /// source has not published it yet, and the next run fetches it. Neither is a session the exchange was closed on
    /// though the calendar does not list it (a national day of mourning is announced days ahead): it is logged and
    /// ingest goes on, as it did before this check. A closure is told from a hole by <see cref="Witnesses"/>: one of
    /// them has bars before and after the session but none on it. Without such a witness the session is a hole.
    /// </summary>
    private void CheckSpySessions(string source, (IReadOnlyList<SourceBar> Bars, SourceBar? Last)[] fetches)
    {
        var (bars, last) = fetches[IndexOf(Symbols.Spy)];
        if (bars.Count == 0) return;
        var dates = bars.Select(b => b.Date).ToHashSet();
        var from = last?.Date ?? bars[0].Date;
        var missing = TradingCalendar.Sessions(from, bars[^1].Date).Where(d => d > from && !dates.Contains(d)).ToList();
        if (missing.Count == 0) return;

        var witnesses = Witnesses.Select(s => fetches[IndexOf(s)].Bars).Where(b => b.Count > 0)
            .Select(b => (First: b[0].Date, Last: b[^1].Date, Dates: b.Select(x => x.Date).ToHashSet())).ToList();
        bool Closed(DateOnly d) => witnesses.Any(w => w.First < d && d < w.Last) && !witnesses.Any(w => w.Dates.Contains(d));
        var closed = missing.Where(Closed).ToList();
        if (closed.Count > 0)
        {
            log.LogWarning("Neither {Witnesses} from {Source} has a bar on the NYSE session(s) {Sessions}, though both trade every session: "
                + "read as exchange closures TradingCalendar does not list; add them to it", string.Join(" nor ", Witnesses), source, Dates(closed));
        }
        var holes = missing.Except(closed).ToList();
        if (holes.Count == 0) return;
        throw new InvalidDataException(
            $"Source {source} has no {Symbols.Spy} bar for {holes.Count} NYSE session(s) between {from:yyyy-MM-dd} and {bars[^1].Date:yyyy-MM-dd}: "
            + $"{Dates(holes)}, and {string.Join(" or ", Witnesses)} traded on them or has no bars around them to show the exchange was closed. "
            + "SPY's sessions are the feature calendar, so nothing is written: fill the source's gap and run again (for a live vendor: once it publishes the bar) "
            + "(or, if the exchange was closed, add the closure to TradingCalendar).");
    }

    /// <summary>
    /// The funds that trade on exactly NYSE's sessions, as SPY does. VIX and VIX3M are not: Cboe computes them in its own
    /// trading hours, which have been open on a day NYSE was closed.
    /// </summary>
    private static readonly string[] Witnesses = [Symbols.Tlt, Symbols.Hyg];

    private static int IndexOf(string symbol) => Symbols.All.ToList().IndexOf(symbol);

    private static string Dates(IReadOnlyList<DateOnly> dates) =>
        string.Join(", ", dates.Take(5).Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))) + (dates.Count > 5 ? ", …" : "");

    /// <summary>
    /// Each symbol's latest stored raw bar, looking only at dates that curated has reached too: ingest
    /// publishes both datasets date by date, so an interrupted run can leave raw at most a date ahead,
    /// and resuming from curated's frontier re-derives what is missing.
    /// </summary>
    private async Task<Dictionary<string, SourceBar>> LastStoredBarsAsync(
        PartitionListing raw, PartitionListing curated, CancellationToken ct)
    {
        var found = new Dictionary<string, SourceBar>(StringComparer.Ordinal);
        if (curated.LastDate is not { } frontier) return found;
        var dates = raw.Dates.Where(d => d <= frontier).ToList();
        var end = dates.Count;
        var step = LookBackStep;
        while (end > 0 && found.Count < Symbols.All.Count)
        {
            var start = Math.Max(0, end - step);
            var chunk = await reader.ReadPartitionsAsync(Datasets.RawMarket, raw, dates.GetRange(start, end - start), ct);
            foreach (var bar in chunk.Rows)
            {
                if (!found.TryGetValue(bar.Symbol, out var seen) || bar.Date > seen.Date) found[bar.Symbol] = bar;
            }
            end = start;
            step *= 4;
        }
        return found;
    }
}
