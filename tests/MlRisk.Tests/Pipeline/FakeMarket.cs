using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;
using MlRisk.Core.Sources;

namespace MlRisk.Tests.Pipeline;

/// <summary>
/// An in-memory market source for the five symbols with deterministic prices; records every request.
/// Bars can be added, changed or dropped between runs to play new sessions, revisions and lost history.
/// </summary>
public sealed class FakeMarket : IMarketHistorySource, IMarketSourceFactory
{
    private readonly Dictionary<string, SortedDictionary<DateOnly, SourceBar>> _bars = [];

    public FakeMarket(DateOnly first, int sessions)
    {
        foreach (var symbol in Symbols.All) _bars[symbol] = [];
        AddSessions(first, sessions);
    }

    public string Name => "fake";

    /// <summary>Where a first ingest starts: before the first bar, as real sources' defaults often are.</summary>
    public DateOnly DefaultStart => new(2024, 1, 2);

    public List<(string Symbol, DateOnly From, DateOnly To)> Requests { get; } = [];

    public DateOnly LastSession => _bars[Symbols.Spy].Keys.Last();

    public IMarketHistorySource Create(string kind) => this;

    public static double PriceOf(string symbol, DateOnly date) =>
        (symbol.Length * 20 + 10) * Math.Exp(0.002 * (date.DayNumber % 97) + 0.01 * Math.Sin(date.DayNumber));

    /// <summary>Adds <paramref name="sessions"/> trading days starting at <paramref name="from"/> (or the next session).</summary>
    public void AddSessions(DateOnly from, int sessions)
    {
        var date = from;
        for (var added = 0; added < sessions; date = date.AddDays(1))
        {
            if (!TradingCalendar.IsTradingDay(date)) continue;
            foreach (var symbol in Symbols.All)
            {
                var close = PriceOf(symbol, date);
                _bars[symbol][date] = new SourceBar(symbol, date, close, close * 1.01, close * 0.99, close, close, symbol.StartsWith('V') ? 0 : 1000);
            }
            added++;
        }
    }

    public SourceBar this[string symbol, DateOnly date]
    {
        get => _bars[symbol][date];
        set => _bars[symbol][date] = value;
    }

    public void Remove(string symbol, DateOnly date) => _bars[symbol].Remove(date);

    /// <summary>Drops every bar before <paramref name="date"/>, of every symbol or of <paramref name="symbol"/> only.</summary>
    public void DropBefore(DateOnly date, string? symbol = null)
    {
        foreach (var (name, bars) in _bars)
        {
            if (symbol is not null && name != symbol) continue;
            foreach (var old in bars.Keys.Where(d => d < date).ToList()) bars.Remove(old);
        }
    }

    public Task<IReadOnlyList<SourceBar>> FetchAsync(string symbol, DateOnly from, DateOnly to, CancellationToken ct)
    {
        lock (Requests) Requests.Add((symbol, from, to));
        IReadOnlyList<SourceBar> bars = [.. _bars[symbol].Values.Where(b => b.Date >= from && b.Date <= to)];
        return Task.FromResult(bars);
    }
}
