using MlRisk.Core.Contracts;
using MlRisk.Tests.Support;

namespace MlRisk.Tests.Features;

public class FeatureBuilderRealDataTests(RealMarketFeatures market) : IClassFixture<RealMarketFeatures>
{
    private FeatureRow On(string date) => market.Features.Single(row => row.Date == DateOnly.Parse(date));

    // VIX3M starts on 2009-09-18, so its first curated row (a symbol's first date has none) is the next session,
    // 2009-09-21. SPY's 60-session warm-up ended in 1993 and TLT/HYG's 20-session correlation windows in 2007, so that
    // session is the first feature row, and every SPY session after it through 2022-12-30 has one.
    [RealMarketFact]
    public void Rows_start_at_vix3m_first_curated_session_and_cover_every_later_spy_session()
    {
        var spySessions = market.Curated
            .Where(row => row.Symbol == Symbols.Spy && row.Date >= new DateOnly(2009, 9, 21))
            .Select(row => row.Date)
            .Order();

        Assert.Equal(new DateOnly(2009, 9, 21), market.Features[0].Date);
        Assert.Equal(new DateOnly(2022, 12, 30), market.Features[^1].Date);
        Assert.Equal(spySessions, market.Features.Select(row => row.Date));
    }

    [RealMarketFact]
    public void The_covid_crash_day_has_the_published_closes()
    {
        var row = On("2020-03-16");

        Assert.Equal(Math.Log(221.0504150390625 / 248.21051025390625), row[FeatureNames.SpyRet1d], 1e-9);
        Assert.Equal(-0.115886, row[FeatureNames.SpyRet1d], 1e-6);
        Assert.Equal(82.69, row[FeatureNames.Vix], 1e-5);
        Assert.Equal(67.70, row[FeatureNames.Vix3m], 1e-9);
        Assert.Equal(67.70 / 82.69, row[FeatureNames.VixTerm], 1e-6);
    }

    // An independent reference (textbook formulas in Python on the raw Close columns, RSI seeded at SPY's first change
    // in 1993) gives these for 2020-03-16.
    [RealMarketFact]
    public void The_covid_crash_day_matches_an_independent_computation()
    {
        var row = On("2020-03-16");

        Assert.Equal(-0.3418480033060348, row[FeatureNames.SpyRet20d], 1e-12);
        Assert.Equal(0.22817782428740457, row[FeatureNames.SpyVol20d], 1e-12);
        Assert.Equal(0.2910975012277669, row[FeatureNames.Drawdown60d], 1e-12);
        Assert.Equal(30.070543364136753, row[FeatureNames.RsiSpy14], 1e-9);
        Assert.Equal(-0.5983621587913067, row[FeatureNames.CorrSpyTlt20d], 1e-12);
        Assert.Equal(0.966174277630047, row[FeatureNames.CorrSpyHyg20d], 1e-12);
        Assert.Equal(-0.1192882279777096, row[FeatureNames.HygTltSpread], 1e-12);
    }

    [RealMarketFact]
    public void Every_feature_stays_within_its_contract()
    {
        foreach (var row in market.Features)
        {
            Assert.All(row.Features, value => Assert.True(double.IsFinite(value), $"non-finite feature on {row.Date}"));
            Assert.InRange(row[FeatureNames.SpyVol20d] * Math.Sqrt(252.0 / 20.0), 0.02, 1.5);
            Assert.InRange(row[FeatureNames.RsiSpy14], 0, 100);
            Assert.InRange(row[FeatureNames.CorrSpyTlt20d], -1, 1);
            Assert.InRange(row[FeatureNames.CorrSpyHyg20d], -1, 1);
            Assert.InRange(row[FeatureNames.Drawdown60d], 0, 1 - 1e-12);
            Assert.InRange(row[FeatureNames.Vix], 0, 200);
            Assert.InRange(row[FeatureNames.Vix3m], 0, 200);
        }
    }

    [RealMarketFact]
    public void Labels_cover_spy_history_up_to_five_sessions_before_the_last()
    {
        Assert.Equal(new DateOnly(1993, 2, 1), market.Labels[0].Date);
        Assert.Equal(new DateOnly(2022, 12, 22), market.Labels[^1].Date);
        Assert.All(market.Labels, label => Assert.True(label.Rv5d >= 0 && double.IsFinite(label.Rv5d)));
    }
}
