using MlRisk.Core.Contracts;
using MlRisk.Core.Features;

namespace MlRisk.Tests.Features;

public class FeatureBuilderTests
{
    private const int Sessions = 70;

    /// <summary>
    /// Periodic returns whose windows can be summed by hand: SPY moves in steps of 0.2% between -1% and +1% with period 11.
    /// </summary>
    private static MarketHistory Series()
    {
        var spy = new double[Sessions];
        var tlt = new double[Sessions];
        var hyg = new double[Sessions];
        var vix = new double[Sessions];
        var vix3m = new double[Sessions];
        for (var i = 0; i < Sessions; i++)
        {
            spy[i] = 0.01 * ((i * 7) % 11 - 5) / 5;
            tlt[i] = 0.005 * ((i * 3) % 7 - 3) / 3;
            hyg[i] = 0.003 * ((i * 5) % 13 - 6) / 6;
            vix[i] = 20.0 + i % 9;
            vix3m[i] = 22.0 + i % 5 * 0.5;
        }
        return new MarketHistory(spy, tlt, hyg, vix, vix3m);
    }

    private static FeatureRow RowOn(IReadOnlyList<FeatureRow> rows, int session) =>
        rows.Single(row => row.Date == MarketHistory.SessionDate(session));

    private static void AssertFeatures(FeatureRow row, params (string Feature, double Expected)[] expected)
    {
        foreach (var (feature, value) in expected)
        {
            var actual = row[feature];
            if (!(Math.Abs(actual - value) <= 1e-12))
            {
                Assert.Fail($"{feature} on {row.Date:yyyy-MM-dd}: expected {value:R}, got {actual:R}");
            }
        }
    }

    // Session 59 by hand. SPY's returns (7i mod 11 - 5)/500 over sessions 40..59 are
    //   0, -.008, .006, -.002, -.010, .004, -.004, .010, .002, -.006,
    //   .008, 0, -.008, .006, -.002, -.010, .004, -.004, .010, .002
    // so spy_ret_1d = .002; spy_ret_5d = -.010 + .004 - .004 + .010 + .002 = .002; spy_ret_20d = -.008 + .006 = -.002;
    // the squares (in 1e-6) sum to 236 over 5 sessions, 404 over 10 and 780 over 20. The log price peaked .002 above
    // today's within the 60 sessions, so drawdown = 1 - e^-0.002. vix = 20 + 59 mod 9 = 25, vix3m = 22 + (59 mod 5)/2 = 24,
    // hyg_tlt_spread = .003(295 mod 13 - 6)/6 - .005(177 mod 7 - 3)/3.
    // RSI and the correlations come from an independent reference (textbook formulas in Python on prices anchored
    // at 100), quoted to 17 significant digits.
    [Fact]
    public void Features_match_hand_computed_values_on_the_first_row()
    {
        var rows = FeatureBuilder.Build(Series().ToCurated());

        AssertFeatures(
            RowOn(rows, 59),
            (FeatureNames.SpyRet1d, 0.002),
            (FeatureNames.SpyRet5d, 0.002),
            (FeatureNames.SpyRet20d, -0.002),
            (FeatureNames.SpyVol5d, Math.Sqrt(236e-6)),
            (FeatureNames.SpyVol10d, Math.Sqrt(404e-6)),
            (FeatureNames.SpyVol20d, Math.Sqrt(780e-6)),
            (FeatureNames.Drawdown60d, 1 - Math.Exp(-0.002)),
            (FeatureNames.Vix, 25.0),
            (FeatureNames.Vix3m, 24.0),
            (FeatureNames.VixTerm, 24.0 / 25.0),
            (FeatureNames.RsiSpy14, 52.96654740722852),
            (FeatureNames.CorrSpyTlt20d, -0.15313353279049485),
            (FeatureNames.CorrSpyHyg20d, -0.44488334570254284),
            (FeatureNames.HygTltSpread, 0.003 * (295 % 13 - 6) / 6 - 0.005 * (177 % 7 - 3) / 3));
    }

    [Fact]
    public void Features_match_the_reference_values_on_the_last_row()
    {
        var rows = FeatureBuilder.Build(Series().ToCurated());

        AssertFeatures(
            RowOn(rows, 69),
            (FeatureNames.SpyRet1d, 0.009999999999999893),
            (FeatureNames.SpyRet5d, -0.0020000000000002104),
            (FeatureNames.SpyRet20d, 0.003999999999999596),
            (FeatureNames.SpyVol5d, 0.015362291495737215),
            (FeatureNames.SpyVol10d, 0.020880613017821098),
            (FeatureNames.SpyVol20d, 0.028982753492378877),
            (FeatureNames.Drawdown60d, 0.003992010656009293),
            (FeatureNames.Vix, 26.0),
            (FeatureNames.Vix3m, 24.0),
            (FeatureNames.VixTerm, 0.9230769230769231),
            (FeatureNames.RsiSpy14, 51.719163091152495),
            (FeatureNames.CorrSpyTlt20d, 0.2214895308514033),
            (FeatureNames.CorrSpyHyg20d, 0.3140210306175356),
            (FeatureNames.HygTltSpread, -0.0011666666666666668));
    }

    [Fact]
    public void The_first_row_comes_after_the_60_session_drawdown_warm_up()
    {
        var rows = FeatureBuilder.Build(Series().ToCurated());

        Assert.Equal(MarketHistory.SessionDate(59), rows[0].Date);
        Assert.Equal(Sessions - 59, rows.Count);
    }

    [Fact]
    public void Rows_come_in_date_order_whatever_the_order_of_the_curated_rows()
    {
        var curated = Series().ToCurated();
        var expected = FeatureBuilder.Build(curated);
        curated.Reverse();

        var rows = FeatureBuilder.Build(curated);

        Assert.Equal(expected.Select(row => row.Date), rows.Select(row => row.Date));
        Assert.Equal(expected.SelectMany(row => row.Features), rows.SelectMany(row => row.Features));
    }

    [Fact]
    public void A_symbol_missing_two_sessions_is_carried_forward_with_zero_return()
    {
        var series = Series() with
        {
            Missing = new HashSet<(string, int)> { (Symbols.Tlt, 62), (Symbols.Tlt, 63), (Symbols.Vix, 62), (Symbols.Vix, 63) },
        };

        var rows = FeatureBuilder.Build(series.ToCurated());

        Assert.Equal(Sessions - 59, rows.Count);
        AssertFeatures(RowOn(rows, 62), (FeatureNames.HygTltSpread, series.Hyg[62]), (FeatureNames.Vix, series.Vix[61]));
        AssertFeatures(RowOn(rows, 63), (FeatureNames.HygTltSpread, series.Hyg[63]), (FeatureNames.Vix, series.Vix[61]));
        // TLT's row of session 64 spans the gap, so the whole move since session 61 lands on 64.
        AssertFeatures(
            RowOn(rows, 64),
            (FeatureNames.HygTltSpread, series.Hyg[64] - (series.Tlt[62] + series.Tlt[63] + series.Tlt[64])),
            (FeatureNames.Vix, series.Vix[64]));
    }

    [Fact]
    public void A_row_dated_between_two_sessions_moves_into_the_next_session()
    {
        var series = Series();
        var curated = series.ToCurated();
        var saturday = MarketHistory.SessionDate(64).AddDays(1);
        Assert.Equal(DayOfWeek.Saturday, saturday.DayOfWeek);
        curated.Add(new CuratedRow(Symbols.Tlt, saturday, 0.01, 123.0));
        curated.Add(new CuratedRow(Symbols.Vix, saturday, 0.0, 31.5));

        var rows = FeatureBuilder.Build(curated);

        AssertFeatures(
            RowOn(rows, 65),
            (FeatureNames.HygTltSpread, series.Hyg[65] - (0.01 + series.Tlt[65])),
            (FeatureNames.Vix, series.Vix[65]));
        Assert.DoesNotContain(rows, row => row.Date == saturday);
    }

    [Fact]
    public void A_symbol_missing_three_sessions_drops_only_the_third()
    {
        var series = Series() with
        {
            Missing = new HashSet<(string, int)> { (Symbols.Vix3m, 62), (Symbols.Vix3m, 63), (Symbols.Vix3m, 64) },
        };

        var dates = FeatureBuilder.Build(series.ToCurated()).Select(row => row.Date).ToList();

        Assert.Contains(MarketHistory.SessionDate(62), dates);
        Assert.Contains(MarketHistory.SessionDate(63), dates);
        Assert.DoesNotContain(MarketHistory.SessionDate(64), dates);
        Assert.Contains(MarketHistory.SessionDate(65), dates);
        Assert.Equal(Sessions - 59 - 1, dates.Count);
    }

    [Fact]
    public void No_row_exists_before_a_symbol_history_starts()
    {
        var late = new HashSet<(string, int)>();
        for (var i = 0; i < 65; i++) late.Add((Symbols.Vix3m, i));
        var series = Series() with { Missing = late };

        var rows = FeatureBuilder.Build(series.ToCurated());

        Assert.Equal(MarketHistory.SessionDate(65), rows[0].Date);
    }

    [Fact]
    public void Rsi_is_100_and_drawdown_0_when_spy_only_rises()
    {
        var rising = Series();
        Array.Fill(rising.Spy, 0.003);

        var rows = FeatureBuilder.Build(rising.ToCurated());

        Assert.All(rows, row => Assert.Equal(100.0, row[FeatureNames.RsiSpy14]));
        Assert.All(rows, row => Assert.Equal(0.0, row[FeatureNames.Drawdown60d]));
    }

    [Fact]
    public void A_date_whose_correlation_is_undefined_has_no_row()
    {
        // A flat TLT has no variance, so its correlation with SPY does not exist (it is not 0).
        var flat = Series();
        Array.Fill(flat.Tlt, 0.0);

        Assert.Empty(FeatureBuilder.Build(flat.ToCurated()));
    }

    [Fact]
    public void A_duplicate_curated_row_is_rejected_naming_symbol_and_date()
    {
        var curated = Series().ToCurated();
        curated.Add(curated.First(row => row.Symbol == Symbols.Hyg && row.Date == MarketHistory.SessionDate(10)));

        var error = Assert.Throws<ArgumentException>(() => FeatureBuilder.Build(curated));

        Assert.Contains("HYG", error.Message);
        Assert.Contains(MarketHistory.SessionDate(10).ToString("yyyy-MM-dd"), error.Message);
    }

    [Fact]
    public void A_non_finite_return_is_rejected_naming_the_column()
    {
        var curated = Series().ToCurated();
        var index = curated.FindIndex(row => row.Symbol == Symbols.Spy && row.Date == MarketHistory.SessionDate(30));
        curated[index] = curated[index] with { Ret = double.NaN };

        var error = Assert.Throws<ArgumentException>(() => FeatureBuilder.Build(curated));

        Assert.Contains("column ret", error.Message);
        Assert.Contains("SPY", error.Message);
    }

    [Fact]
    public void A_symbol_without_any_rows_is_named_in_the_error()
    {
        var curated = Series().ToCurated().Where(row => row.Symbol != Symbols.Vix3m).ToList();

        var error = Assert.Throws<InvalidOperationException>(() => FeatureBuilder.Build(curated));

        Assert.Contains("none for VIX3M", error.Message);
    }

    [Fact]
    public void No_curated_rows_give_no_features() => Assert.Empty(FeatureBuilder.Build([]));
}
