using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;
using MlRisk.Tests.Modeling;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Tests.Modeling;

public class ForecasterTests
{
    private static readonly TrainingSet Set = TrainingSet.Join(SyntheticMarket.Generate(500).Features, SyntheticMarket.Generate(500).Labels);

    private static VolatilityModel Train() =>
        VolatilityModelTrainer.Train(Set, Set.Rows, new ModelingOptions
        {
            Booster = new BoosterParameters { Iterations = 60, NumLeaves = 7, MinDataInLeaf = 20, LearningRate = 0.1 },
            ValidationSessions = 100,
        });

    [Fact]
    public void Tree_contributions_plus_expected_value_equal_the_booster_raw_output_for_every_row()
    {
        var (matrix, label) = SyntheticMarket.Regression(400, 3, seed: 11);
        var parameters = new BoosterParameters { Iterations = 50, MinDataInLeaf = 10 };
        using var data = new LightGbmDataset(matrix, 3, label, [], parameters);
        using var booster = Booster.Train(data, parameters);

        var raw = booster.PredictRaw(matrix);
        var shap = booster.PredictContributions(matrix);

        var worst = 0.0;
        for (var r = 0; r < raw.Length; r++)
        {
            var sum = shap[r * 4] + shap[r * 4 + 1] + shap[r * 4 + 2] + shap[r * 4 + 3];
            worst = Math.Max(worst, Math.Abs(sum - raw[r]));
        }
        Assert.True(worst < 1e-9, $"max additivity error {worst}");
    }

    [Fact]
    public void Model_contributions_plus_expected_value_equal_the_log_output_for_every_row()
    {
        using var model = Train();

        var raw = model.PredictLog(Set.Features);
        var shap = model.Contributions(Set.Features);

        var worst = 0.0;
        for (var r = 0; r < raw.Length; r++)
        {
            var sum = 0.0;
            for (var i = 0; i <= FeatureNames.Count; i++) sum += shap[r * (FeatureNames.Count + 1) + i];
            worst = Math.Max(worst, Math.Abs(sum - raw[r]));
        }
        Assert.True(worst < 1e-9, $"max additivity error {worst}");
    }

    [Fact]
    public void A_feature_the_model_never_splits_on_gets_zero()
    {
        var (matrix, label) = SyntheticMarket.Regression(400, 3, seed: 12);
        for (var r = 0; r < 400; r++) matrix[r * 3 + 2] = 0.25;
        var parameters = new BoosterParameters { Iterations = 40, MinDataInLeaf = 10 };
        using var data = new LightGbmDataset(matrix, 3, label, [], parameters);
        using var booster = Booster.Train(data, parameters);
        var probe = (double[])matrix.Clone();
        for (var r = 0; r < 400; r++) probe[r * 3 + 2] = r;

        var shap = booster.PredictContributions(probe);

        for (var r = 0; r < 400; r++) Assert.Equal(0.0, shap[r * 4 + 2]);
        Assert.Contains(shap.Where((_, i) => i % 4 == 0), v => v != 0.0);
    }

    [Fact]
    public void Forecasts_are_the_mean_of_the_distribution_around_the_log_output_and_name_the_top_three_drivers_in_order()
    {
        using var model = Train();
        var row = Set.Row(123).ToArray();

        var forecast = new Forecaster(model).Explain(row);

        var shap = model.Contributions(row).AsSpan(0, FeatureNames.Count).ToArray();
        var expected = Enumerable.Range(0, FeatureNames.Count).OrderByDescending(i => Math.Abs(shap[i])).Take(3)
            .Select(i => new Driver(FeatureNames.All[i], row[i], shap[i]));
        Assert.Equal(expected, forecast.Drivers);
        Assert.Equal(model.Describe(model.PredictLog(row)[0], row).Rv5dHat, forecast.Rv5dHat, 15);
        Assert.Equal(model.Forecast(row)[0], forecast.Rv5dHat, 15);
    }
}
