using Microsoft.Extensions.Options;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Sources.Synthetic;

/// <summary>
/// The embedded default source: the offline, seeded market of <see cref="SyntheticMarket"/>. The same seed and start
/// give identical bars, and a later window repeats the bars of the dates it shares with an earlier one.
/// </summary>
public sealed class SyntheticMarketSource(IOptions<SyntheticSourceOptions> options) : IMarketHistorySource
{
    private readonly Lock _gate = new();
    private SyntheticPath? _path;
    private DateOnly _simulatedTo;

    public string Name => MarketSourceKinds.Synthetic;

    public DateOnly DefaultStart => options.Value.Start;

    public Task<IReadOnlyList<SourceBar>> FetchAsync(string symbol, DateOnly from, DateOnly to, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (!Symbols.All.Contains(symbol))
        {
            throw new MarketSourceException(symbol, $"the synthetic market (seed {options.Value.Seed})",
                $"not simulated; the synthetic market has only {string.Join(", ", Symbols.All)}");
        }

        var bars = PathUpTo(to).BarsOf(symbol);
        var window = new List<SourceBar>();
        foreach (var bar in bars)
        {
            if (bar.Date >= from && bar.Date <= to) window.Add(bar);
        }
        return Task.FromResult<IReadOnlyList<SourceBar>>(window);
    }

    // An ingest asks for the five symbols with the same end date: simulate once and serve all five from the path.
    // A path simulated further also answers any earlier end date, because a date's bars never depend on the end.
    private SyntheticPath PathUpTo(DateOnly to)
    {
        lock (_gate)
        {
            if (_path is null || to > _simulatedTo)
            {
                _path = SyntheticMarket.Simulate(options.Value.Seed, options.Value.Start, to, options.Value.StockBondBreak);
                _simulatedTo = to;
            }
            return _path;
        }
    }
}
