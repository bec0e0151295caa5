using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Tests.Modeling;

public sealed class VolatilityModelTrainerTests
{
    private static readonly ModelingOptions Options = new()
    {
        Booster = new BoosterParameters { Iterations = 60, NumLeaves = 7, MinDataInLeaf = 20, LearningRate = 0.1 },
        ValidationSessions = 200,
    };

    [Fact]
    public void Trees_that_find_a_threshold_the_base_cannot_are_kept()
    {
        // SyntheticMarket's label jumps by 0.25 in logs when the RSI is below 40: invisible to the log-HAR-X base.
        var (features, labels) = SyntheticMarket.Generate(1000);

        using var model = VolatilityModelTrainer.Train(TrainingSet.Join(features, labels), 1000, Options);

        Assert.True(model.Trees.Iterations >= VolatilityModelTrainer.RoundStep, $"{model.Trees.Iterations} rounds");
    }

    [Fact]
    public void Trees_on_a_label_the_base_explains_fully_are_dropped()
    {
        // ln rv_5d = ln spy_vol_5d + noise: linear in a base regressor, nothing left for trees but noise.
        var (features, labels) = SyntheticMarket.Generate(1000);
        var volIndex = FeatureNames.All.ToList().IndexOf(FeatureNames.SpyVol5d);
        var random = new Random(3);
        var linear = labels.Select((l, i) => l with { Rv5d = features[i].Features[volIndex] * Math.Exp(0.25 * (random.NextDouble() - 0.5)) }).ToList();

        using var model = VolatilityModelTrainer.Train(TrainingSet.Join(features, linear), 1000, Options);

        Assert.Equal(0, model.Trees.Iterations);
    }

    [Fact]
    public void A_window_lightgbm_finds_nothing_to_split_in_trains_the_base_alone_instead_of_failing()
    {
        var (features, labels) = SyntheticMarket.Generate(1000);
        var set = TrainingSet.Join(features, labels);
        // No leaf can hold 5,000 of the inner model's 795 rows (1,000 less 200 held out, less the 5-session purge), so LightGBM stops before a tenth round.
        var unsplittable = new ModelingOptions { Booster = Options.Booster with { MinDataInLeaf = 5_000 }, ValidationSessions = Options.ValidationSessions };

        using var model = VolatilityModelTrainer.Train(set, 1000, unsplittable);

        Assert.Equal(0, model.Trees.Iterations);
        Assert.All(model.PredictLog(set.Block(900, 1000)), v => Assert.True(double.IsFinite(v)));
    }
}
