using Microsoft.Extensions.DependencyInjection;
using MlRisk.Core.Lake;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Sources;
using MlRisk.Tests.Support;

namespace MlRisk.Tests.Lake;

/// <summary>The real CSV folder through the real csv source into the lake: every real row from 2009 on passes the contracts.</summary>
public sealed class RealMarketLakeTests
{
    [RealMarketFact]
    public async Task The_real_market_folder_from_2009_ingests_without_a_violation_including_odd_cboe_rows()
    {
        using var lake = new TestLake(
            (services, configuration) => services.AddMlRiskSources(configuration),
            new Dictionary<string, string?> { ["Pipeline:Source"] = "csv", ["Sources:Csv:Folder"] = MarketData.Folder, ["Sources:Csv:Start"] = "2009-01-02" });
        var ingest = lake.Services.GetServices<IStage>().Single(s => s.Name == StageName.Ingest);

        var result = await ingest.RunAsync(default);

        Assert.Equal(0, result.Revisions);
        var curated = await lake.Reader.ReadAllAsync(Datasets.CuratedMarketDaily, default);
        var vix = curated.Rows.Single(r => r.Symbol == "VIX" && r.Date == new DateOnly(2018, 2, 5));
        Assert.Equal(Math.Log(37.31999969482422 / 17.309999465942383), vix.Ret, 12);
        var raw = await lake.Reader.ReadAllAsync(Datasets.RawMarket, default);
        Assert.Equal(3345, raw.Rows.Count(r => r.Symbol == "VIX3M"));
    }
}
