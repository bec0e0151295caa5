using MlRisk.Core.Contracts;
using MlRisk.Core.Features;
using MlRisk.Tests.Support;

namespace MlRisk.Tests.Features;

/// <summary>Features and labels built from the real market folder once, shared by the real-data facts.</summary>
public sealed class RealMarketFeatures
{
    private readonly Lazy<(List<CuratedRow> Curated, IReadOnlyList<FeatureRow> Features, IReadOnlyList<LabelRow> Labels)> built = new(() =>
    {
        var curated = MarketCsvFolder.ReadCurated(MarketData.Folder!);
        return (curated, FeatureBuilder.Build(curated), LabelBuilder.Build(curated));
    });

    public List<CuratedRow> Curated => built.Value.Curated;

    public IReadOnlyList<FeatureRow> Features => built.Value.Features;

    public IReadOnlyList<LabelRow> Labels => built.Value.Labels;
}

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

    [RealMarketFact]
    public void Every_feature_stays_within_its_contract()
    {
        foreach (var row in market.Features)
        {
            Assert.All(row.Values, value => Assert.True(double.IsFinite(value), $"non-finite feature on {row.Date}"));
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
