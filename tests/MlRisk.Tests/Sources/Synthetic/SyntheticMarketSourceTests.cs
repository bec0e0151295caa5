using Microsoft.Extensions.Options;
using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;
using MlRisk.Core.Sources;
using MlRisk.Core.Sources.Synthetic;

namespace MlRisk.Tests.Sources.Synthetic;

public class SyntheticMarketSourceTests
{
    private static readonly DateOnly Start = new(2009, 1, 2);
    private static readonly DateOnly End = new(2024, 12, 31);

    private static SyntheticMarketSource SourceWith(ulong seed) =>
        new(Options.Create(new SyntheticSourceOptions { Seed = seed, Start = Start }));

    private static async Task<Dictionary<string, IReadOnlyList<SourceBar>>> FetchAllAsync(IMarketSource source, DateOnly from, DateOnly to)
    {
        var bars = new Dictionary<string, IReadOnlyList<SourceBar>>();
        foreach (var symbol in Symbols.All) bars[symbol] = await source.FetchAsync(symbol, from, to, CancellationToken.None);
        return bars;
    }

    [Fact]
    public async Task The_same_seed_gives_identical_bars()
    {
        var first = await FetchAllAsync(SourceWith(7), Start, End);
        var second = await FetchAllAsync(SourceWith(7), Start, End);

        foreach (var symbol in Symbols.All) Assert.Equal(first[symbol], second[symbol]);
    }

    [Fact]
    public async Task Another_seed_gives_another_market()
    {
        var first = await SourceWith(7).FetchAsync(Symbols.Spy, Start, End, CancellationToken.None);
        var second = await SourceWith(8).FetchAsync(Symbols.Spy, Start, End, CancellationToken.None);

        Assert.NotEqual(first[^1].Close, second[^1].Close);
    }

    [Fact]
    public async Task A_later_window_repeats_the_bars_of_the_dates_it_shares_with_an_earlier_fetch()
    {
        var earlier = await FetchAllAsync(SourceWith(7), Start, new DateOnly(2016, 6, 30));
        var later = await FetchAllAsync(SourceWith(7), new DateOnly(2016, 6, 1), End);

        foreach (var symbol in Symbols.All)
        {
            var overlap = earlier[symbol].Where(b => b.Date >= new DateOnly(2016, 6, 1)).ToList();
            Assert.Equal(22, overlap.Count);
            Assert.Equal(overlap, later[symbol].Take(overlap.Count));
        }
    }

    [Fact]
    public async Task A_shorter_fetch_after_a_longer_one_returns_the_same_bars()
    {
        var source = SourceWith(7);
        await source.FetchAsync(Symbols.Spy, Start, End, CancellationToken.None);

        var shorter = await source.FetchAsync(Symbols.Vix, Start, new DateOnly(2012, 12, 31), CancellationToken.None);
        var fresh = await SourceWith(7).FetchAsync(Symbols.Vix, Start, new DateOnly(2012, 12, 31), CancellationToken.None);

        Assert.Equal(fresh, shorter);
    }

    [Fact]
    public async Task Every_symbol_has_a_bar_on_every_nyse_session_from_the_start()
    {
        var bars = await FetchAllAsync(SourceWith(7), new DateOnly(2008, 1, 1), End);
        var sessions = TradingCalendar.Sessions(Start, End).ToList();

        foreach (var symbol in Symbols.All) Assert.Equal(sessions, bars[symbol].Select(b => b.Date));
        Assert.Equal(Start, SourceWith(7).DefaultStart);
    }

    [Theory]
    [InlineData(2009UL)]
    [InlineData(1UL)]
    [InlineData(42UL)]
    [InlineData(12345UL)]
    public async Task Bars_are_positive_ohlc_consistent_with_plausible_volumes(ulong seed)
    {
        var bars = await FetchAllAsync(SourceWith(seed), Start, End);

        foreach (var symbol in Symbols.All)
        {
            Assert.All(bars[symbol], b =>
            {
                Assert.True(b.Low > 0, $"{symbol} {b.Date} low {b.Low}");
                Assert.True(b.High >= Math.Max(b.Open, b.Close) && b.Low <= Math.Min(b.Open, b.Close), $"{symbol} {b.Date}: {b}");
                Assert.Equal(b.Close, b.AdjClose);
            });
            // The lake rejects curated returns with |ret| >= 0.5 (DESIGN §3), indices included.
            for (var i = 1; i < bars[symbol].Count; i++)
            {
                Assert.InRange(Math.Log(bars[symbol][i].Close / bars[symbol][i - 1].Close), -0.49, 0.49);
            }
        }
        Assert.All(bars[Symbols.Vix].Concat(bars[Symbols.Vix3m]), b => Assert.Equal(0, b.Volume));
        Assert.All(bars[Symbols.Vix].Concat(bars[Symbols.Vix3m]), b => Assert.InRange(b.Close, 5, 200));
        Assert.All(bars[Symbols.Spy], b => Assert.InRange(b.Volume, 10_000_000, 2_000_000_000));
        Assert.All(bars[Symbols.Tlt].Concat(bars[Symbols.Hyg]), b => Assert.InRange(b.Volume, 500_000, 500_000_000));
    }

    [Fact]
    public async Task Asking_for_a_symbol_the_market_does_not_simulate_names_it()
    {
        var error = await Assert.ThrowsAsync<MarketSourceException>(
            () => SourceWith(7).FetchAsync("QQQ", Start, End, CancellationToken.None));

        Assert.Contains("QQQ", error.Message);
        Assert.Contains("SPY, TLT, HYG, VIX, VIX3M", error.Message);
    }
}
