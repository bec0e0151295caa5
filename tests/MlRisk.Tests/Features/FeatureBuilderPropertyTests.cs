using CsCheck;
using MlRisk.Core.Contracts;
using MlRisk.Core.Features;

namespace MlRisk.Tests.Features;

public class FeatureBuilderPropertyTests
{
    private const int Sessions = 90;

    /// <summary>Up to four gaps of 1–4 sessions in TLT, HYG, VIX or VIX3M, so fresh, carried and stale sessions all occur.</summary>
    private static Gen<HashSet<(string, int)>> GenMissing(int sessions) =>
        Gen.Select(Gen.Int[1, 4], Gen.Int[0, sessions - 1], Gen.Int[1, 4])
            .Array[0, 4]
            .Select(gaps =>
            {
                var missing = new HashSet<(string, int)>();
                foreach (var (symbol, start, length) in gaps)
                {
                    for (var i = start; i < Math.Min(start + length, sessions); i++) missing.Add((Symbols.All[symbol], i));
                }
                return missing;
            });

    private static Gen<MarketHistory> GenMarket(int sessions) =>
        Gen.Select(
            Gen.Double[-0.06, 0.06].Array[sessions],
            Gen.Double[-0.03, 0.03].Array[sessions],
            Gen.Double[-0.03, 0.03].Array[sessions],
            Gen.Double[9, 90].Array[sessions],
            Gen.Double[9, 90].Array[sessions],
            GenMissing(sessions),
            (spy, tlt, hyg, vix, vix3m, missing) => new MarketHistory(spy, tlt, hyg, vix, vix3m) { Missing = missing });

    /// <summary>The market's sessions up to t followed by <paramref name="later"/>'s sessions after t (values and gaps).</summary>
    private static MarketHistory Splice(MarketHistory market, MarketHistory later, int t)
    {
        double[] Join(double[] upToT, double[] afterT) => [.. upToT[..(t + 1)], .. afterT[(t + 1)..]];
        var missing = new HashSet<(string, int)>();
        foreach (var gap in market.Missing) if (gap.Session <= t) missing.Add(gap);
        foreach (var gap in later.Missing) if (gap.Session > t) missing.Add(gap);
        return new MarketHistory(
            Join(market.Spy, later.Spy), Join(market.Tlt, later.Tlt), Join(market.Hyg, later.Hyg),
            Join(market.Vix, later.Vix), Join(market.Vix3m, later.Vix3m)) { Missing = missing };
    }

    private static void AssertSameRows(IEnumerable<FeatureRow> expected, IEnumerable<FeatureRow> actual)
    {
        var expectedRows = expected.ToList();
        var actualRows = actual.ToList();
        Assert.Equal(expectedRows.Select(row => row.Date), actualRows.Select(row => row.Date));
        for (var i = 0; i < expectedRows.Count; i++) Assert.Equal(expectedRows[i].Features, actualRows[i].Features);
    }

    [Fact]
    public void Features_ignore_data_after_the_as_of_date() =>
        Gen.Select(GenMarket(Sessions), GenMarket(Sessions + 10), Gen.Int[55, Sessions - 2])
            .Sample((market, later, t) =>
            {
                var asOf = MarketHistory.SessionDate(t);
                var original = FeatureBuilder.Build(market.ToCurated());
                var changed = FeatureBuilder.Build(Splice(market, later, t).ToCurated());

                AssertSameRows(original.Where(row => row.Date <= asOf), changed.Where(row => row.Date <= asOf));
            }, iter: 300, threads: 1);

    [Fact]
    public void Rebasing_the_prices_of_a_symbol_changes_no_feature() =>
        Gen.Select(GenMarket(Sessions), Gen.Double[0.001, 1000].Array[3])
            .Sample((market, factors) =>
            {
                var curated = market.ToCurated();
                var rebased = new List<CuratedRow>(curated.Count);
                foreach (var row in curated)
                {
                    var factor = row.Symbol switch
                    {
                        Symbols.Spy => factors[0],
                        Symbols.Tlt => factors[1],
                        Symbols.Hyg => factors[2],
                        _ => 1.0, // VIX and VIX3M levels are features themselves; an index is never rebased.
                    };
                    rebased.Add(row with { AdjClose = row.AdjClose * factor });
                }

                AssertSameRows(FeatureBuilder.Build(curated), FeatureBuilder.Build(rebased));
            }, iter: 300, threads: 1);

    [Fact]
    public void Features_stay_within_their_ranges() =>
        GenMarket(Sessions).Sample(market =>
        {
            foreach (var row in FeatureBuilder.Build(market.ToCurated()))
            {
                Assert.All(row.Features, value => Assert.True(double.IsFinite(value)));
                Assert.InRange(row[FeatureNames.RsiSpy14], 0, 100);
                Assert.InRange(row[FeatureNames.CorrSpyTlt20d], -1, 1);
                Assert.InRange(row[FeatureNames.CorrSpyHyg20d], -1, 1);
                Assert.InRange(row[FeatureNames.Drawdown60d], 0, 1 - 1e-12);
            }
        }, iter: 300, threads: 1);
}
