using MlRisk.Core.Contracts;
using MlRisk.Core.Features;

namespace MlRisk.Tests.Features;

public class LabelBuilderTests
{
    private static readonly double[] Returns = [0.01, -0.02, 0.03, -0.01, 0.02, 0.005, -0.015, 0.0];

    private static List<CuratedRow> SpyRows()
    {
        var rows = new List<CuratedRow>();
        var logPrice = 0.0;
        for (var i = 0; i < Returns.Length; i++)
        {
            logPrice += Returns[i];
            rows.Add(new CuratedRow(Symbols.Spy, MarketHistory.SessionDate(i), Returns[i], 100 * Math.Exp(logPrice)));
        }
        return rows;
    }

    [Fact]
    public void Rv5d_is_the_root_sum_of_squares_of_the_next_five_returns()
    {
        var labels = LabelBuilder.Build(SpyRows());

        // r(1..5)^2 = .0004 + .0009 + .0001 + .0004 + .000025; r(2..6)^2 = .0009 + .0001 + .0004 + .000025 + .000225;
        // r(3..7)^2 = .0001 + .0004 + .000025 + .000225 + 0
        Assert.Equal(
            [
                new LabelRow(MarketHistory.SessionDate(0), Math.Sqrt(0.001825), 0.025),
                new LabelRow(MarketHistory.SessionDate(1), Math.Sqrt(0.00165), 0.03),
                new LabelRow(MarketHistory.SessionDate(2), Math.Sqrt(0.00075), 0.0),
            ],
            labels,
            (expected, actual) => expected.Date == actual.Date && Math.Abs(expected.Rv5d - actual.Rv5d) <= 1e-15);
    }

    [Fact]
    public void Ret5d_is_the_sum_of_the_same_five_returns()
    {
        var labels = LabelBuilder.Build(SpyRows());

        // r(1..5) = -.02 + .03 - .01 + .02 + .005; r(2..6) = .03 - .01 + .02 + .005 - .015; r(3..7) = -.01 + .02 + .005 - .015 + 0
        Assert.Equal([0.025, 0.03, 0.0], labels.Select(l => l.Ret5d), (expected, actual) => Math.Abs(expected - actual) <= 1e-15);
    }

    [Fact]
    public void The_last_five_dates_have_no_label()
    {
        var labels = LabelBuilder.Build(SpyRows());

        Assert.Equal(MarketHistory.SessionDate(Returns.Length - 6), labels[^1].Date);
    }

    [Fact]
    public void Only_spy_is_read_whatever_the_row_order()
    {
        var rows = SpyRows();
        var mixed = new List<CuratedRow>(rows);
        mixed.Add(new CuratedRow(Symbols.Tlt, MarketHistory.SessionDate(3), 0.4, 50));
        mixed.Add(new CuratedRow(Symbols.Vix, MarketHistory.SessionDate(9), -0.3, 30));
        mixed.Reverse();

        Assert.Equal(LabelBuilder.Build(rows), LabelBuilder.Build(mixed));
    }

    [Fact]
    public void Fewer_than_six_sessions_give_no_label() =>
        Assert.Empty(LabelBuilder.Build(SpyRows().Take(5).ToList()));
}
