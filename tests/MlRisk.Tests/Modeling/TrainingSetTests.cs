using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;

namespace MlRisk.Tests.Modeling;

public class TrainingSetTests
{
    private static FeatureRow Row(int day, double value = 0.01) =>
        new(new DateOnly(2020, 1, day), Enumerable.Repeat(value, FeatureNames.Count).ToArray());

    [Fact]
    public void Only_dates_with_both_features_and_a_label_are_kept_in_date_order()
    {
        var set = TrainingSet.Join(
            [Row(9), Row(7), Row(8)],
            [new LabelRow(new DateOnly(2020, 1, 7), 0.02, -0.01), new LabelRow(new DateOnly(2020, 1, 9), 0.03, -0.01), new LabelRow(new DateOnly(2020, 1, 10), 0.04, -0.01)]);

        Assert.Equal([new DateOnly(2020, 1, 7), new DateOnly(2020, 1, 9)], set.Dates);
        Assert.Equal([0.02, 0.03], set.Rv5d);
    }

    [Fact]
    public void A_non_finite_feature_is_refused_naming_the_date_and_feature()
    {
        var row = Row(7);
        var bad = row with { Features = row.Features.With(FeatureNames.Vix, double.NaN) };

        var error = Assert.Throws<ArgumentException>(() => TrainingSet.Join([bad], [new LabelRow(bad.Date, 0.02, -0.01)]));

        Assert.Contains("2020-01-07", error.Message);
        Assert.Contains("vix", error.Message);
    }

    [Fact]
    public void Duplicate_feature_dates_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => TrainingSet.Join([Row(7), Row(7)], [new LabelRow(new DateOnly(2020, 1, 7), 0.02, -0.01)]));
        Assert.Contains("two rows for 2020-01-07", error.Message);
    }

    [Fact]
    public void A_walk_forward_without_enough_rows_says_how_many_it_needs()
    {
        var (features, labels) = SyntheticMarket.Generate(300);
        var set = TrainingSet.Join(features, labels);

        var error = Assert.Throws<InvalidOperationException>(() => new WalkForward(new ModelingOptions()).Run(set, CancellationToken.None));

        Assert.Contains("756", error.Message);
    }
}
