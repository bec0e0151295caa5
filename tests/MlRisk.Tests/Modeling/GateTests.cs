using MlRisk.Core.Modeling;

namespace MlRisk.Tests.Modeling;

public class GateTests
{
    private static AccuracyTable Table(double modelRmse, double modelQLike) =>
        new(new DateOnly(2013, 1, 2), new DateOnly(2022, 12, 22), 2_500,
            new ForecastScore(AccuracyTable.ModelName, modelRmse, modelQLike, 1 - modelRmse / 0.0100, 1 - modelQLike / 0.500),
            new ForecastScore(AccuracyTable.BaselineName, 0.0100, 0.500, 0, 0),
            new ForecastScore(AccuracyTable.HarRvName, 0.0090, 0.450, 0.1, 0.1),
            new ForecastScore(AccuracyTable.HarXName, 0.0085, 0.400, 0.15, 0.2));

    [Fact]
    public void A_model_beating_the_baseline_qlike_by_the_margin_passes_even_if_rmse_does_not()
    {
        var decision = Gate.Decide(Table(modelRmse: 0.0101, modelQLike: 0.489), margin: 0.02);

        Assert.True(decision.Passed);
        Assert.Equal(0.022, decision.QLikeImprovement, 12);
        Assert.StartsWith("passed", decision.Summary);
    }

    [Fact]
    public void A_model_within_the_margin_on_both_metrics_fails_and_says_so_with_the_numbers()
    {
        var decision = Gate.Decide(Table(modelRmse: 0.0099, modelQLike: 0.495), margin: 0.02);

        Assert.False(decision.Passed);
        Assert.Contains("not served", decision.Summary);
        Assert.Contains("QLIKE 0.4950 vs baseline 0.5000", decision.Summary);
    }
}
