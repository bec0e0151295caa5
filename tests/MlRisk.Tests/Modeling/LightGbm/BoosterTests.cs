using MlRisk.Core.Modeling;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Tests.Modeling.LightGbm;

public class BoosterTests
{
    private static readonly BoosterParameters Small = new() { Iterations = 30, NumLeaves = 7, MinDataInLeaf = 10, Threads = 2 };

    internal static Booster Train(double[] matrix, double[] label, int columns, BoosterParameters parameters)
    {
        using var data = new LightGbmDataset(matrix, columns, label, [], parameters);
        return Booster.Train(data, parameters);
    }

    [Fact]
    public void Training_twice_gives_a_byte_identical_model_and_identical_predictions()
    {
        var (matrix, label) = SyntheticMarket.Regression(500, 3, seed: 1);
        using var first = Train(matrix, label, 3, Small with { FeatureFraction = 0.7, BaggingFraction = 0.8 });
        using var second = Train(matrix, label, 3, Small with { FeatureFraction = 0.7, BaggingFraction = 0.8 });

        Assert.Equal(first.SaveToString(), second.SaveToString(), StringComparer.Ordinal);
        Assert.Equal(first.PredictRaw(matrix), second.PredictRaw(matrix));
    }

    [Fact]
    public void A_model_saved_to_text_and_loaded_predicts_exactly_the_same()
    {
        var (matrix, label) = SyntheticMarket.Regression(400, 3, seed: 2);
        using var trained = Train(matrix, label, 3, Small);
        using var loaded = Booster.LoadFromString(trained.SaveToString());

        Assert.Equal(trained.PredictRaw(matrix), loaded.PredictRaw(matrix));
        Assert.Equal(30, loaded.Iterations);
    }

    [Fact]
    public void The_saved_model_carries_the_deterministic_settings()
    {
        var (matrix, label) = SyntheticMarket.Regression(300, 3, seed: 3);
        using var booster = Train(matrix, label, 3, Small);
        var text = booster.SaveToString();

        Assert.Contains("[deterministic: 1]", text);
        Assert.Contains("[seed: 42]", text);
        Assert.Contains("[num_threads: 2]", text);
    }

    [Fact]
    public void Predicting_with_fewer_rounds_uses_only_those_rounds()
    {
        var (matrix, label) = SyntheticMarket.Regression(300, 3, seed: 4);
        using var booster = Train(matrix, label, 3, Small);
        using var ten = Train(matrix, label, 3, Small with { Iterations = 10 });

        Assert.Equal(ten.PredictRaw(matrix), booster.PredictRaw(matrix, 10));
    }

    [Fact]
    public void A_native_failure_raises_an_exception_with_lightgbm_s_message()
    {
        var error = Assert.Throws<LightGbmException>(() => Booster.LoadFromString("this is not a model"));
        Assert.StartsWith("LightGBM BoosterLoadModelFromString failed: ", error.Message);
        Assert.True(error.Message.Length > "LightGBM BoosterLoadModelFromString failed: ".Length + 5, error.Message);
    }

    [Fact]
    public void An_invalid_parameter_is_rejected_by_lightgbm_with_its_name()
    {
        var (matrix, label) = SyntheticMarket.Regression(100, 3, seed: 5);
        var error = Assert.Throws<LightGbmException>(() => Train(matrix, label, 3, Small with { NumLeaves = 1 }));
        Assert.Contains("num_leaves", error.Message);
    }

    [Fact]
    public void A_feature_matrix_of_the_wrong_width_is_refused_before_reaching_native_code()
    {
        var (matrix, label) = SyntheticMarket.Regression(100, 3, seed: 6);
        using var booster = Train(matrix, label, 3, Small);
        var error = Assert.Throws<ArgumentException>(() => booster.PredictRaw(new double[4]));
        Assert.Contains("3 features", error.Message);
    }
}

public class SingleRowContributionTests
{
    private static readonly BoosterParameters Small = new() { Iterations = 30, NumLeaves = 7, MinDataInLeaf = 10, Threads = 2 };

    [Fact]
    public void One_row_gets_exactly_the_contributions_it_gets_inside_a_batch()
    {
        var (matrix, label) = SyntheticMarket.Regression(300, 3, seed: 7);
        using var trained = BoosterTests.Train(matrix, label, 3, Small);
        using var booster = Booster.LoadFromString(trained.SaveToString(), singleRowCopies: 2);
        var batch = booster.PredictContributions(matrix);

        for (var row = 0; row < 20; row++)
        {
            Assert.Equal(batch.AsSpan(row * 4, 4).ToArray(), booster.PredictContributions(matrix.AsSpan(row * 3, 3)));
        }
    }

    [Fact]
    public void Concurrent_one_row_calls_each_get_their_own_row_s_contributions()
    {
        var (matrix, label) = SyntheticMarket.Regression(300, 3, seed: 8);
        using var trained = BoosterTests.Train(matrix, label, 3, Small);
        using var booster = Booster.LoadFromString(trained.SaveToString(), singleRowCopies: 2);
        var batch = booster.PredictContributions(matrix);

        var mismatches = 0;
        Parallel.For(0, 4_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var row = i % 300;
            var single = booster.PredictContributions(matrix.AsSpan(row * 3, 3));
            if (!single.AsSpan().SequenceEqual(batch.AsSpan(row * 4, 4))) Interlocked.Increment(ref mismatches);
        });

        Assert.Equal(0, mismatches);
    }
}
