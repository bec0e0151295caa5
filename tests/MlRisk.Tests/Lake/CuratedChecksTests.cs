using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake;

public sealed class CuratedChecksTests
{
    [Theory]
    [InlineData("VIX", 0.768, true)]
    [InlineData("VIX3M", -0.7, true)]
    [InlineData("VIX", 1.2, false)]
    [InlineData("SPY", 0.768, false)]
    [InlineData("HYG", -0.49, true)]
    public async Task One_day_return_bounds_are_wider_for_volatility_indices_than_for_traded_funds(string symbol, double ret, bool valid)
    {
        using var lake = new TestLake();
        var plan = await lake.Writer.PlanAsync(Datasets.CuratedMarketDaily, [new CuratedRow(symbol, SampleRows.Day1, ret, 37.32)], default);
        Assert.Equal(valid, plan.Validation.IsValid);
    }
}
