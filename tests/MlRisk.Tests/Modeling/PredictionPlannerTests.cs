using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;

namespace MlRisk.Tests.Modeling;

public class PredictionPlannerTests
{
    // 610 feature rows; the last 10 have no label yet, as at the live edge.
    private static readonly (List<FeatureRow> Features, List<LabelRow> Labels) Market = SyntheticMarket.Generate(610);
    private static readonly List<LabelRow> Labels = Market.Labels.Take(600).ToList();

    [Fact]
    public async Task Walk_forward_dates_get_their_fold_prediction_and_later_dates_the_champion()
    {
        using var modeling = new SmallModeling();
        var outcome = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Labels, CancellationToken.None);
        var cv = await modeling.Registry.ReadCvPredictionsAsync(outcome.Version, CancellationToken.None);

        var rows = await new ChampionInference(modeling.Registry).PlanAsync(Market.Features, new HashSet<DateOnly>(), CancellationToken.None);

        // Rows 0..299 precede the first test block: no model existed that had not seen them. Rows 600..603 are within
        // the label horizon of the champion's last training row, 599.
        Assert.Equal(Market.Features.Skip(300).Take(300).Concat(Market.Features.Skip(604)).Select(f => f.Date), rows.Select(r => r.Date));
        Assert.All(rows.Take(300).Zip(cv), pair =>
        {
            Assert.Equal(PredictionSources.WalkForward, pair.First.Source);
            Assert.Equal(pair.Second.Model, pair.First.Rv5dHat);
            Assert.Equal(pair.Second.Drivers, pair.First.TopDrivers);
        });
        Assert.All(rows.Skip(300), r => Assert.Equal(PredictionSources.Champion, r.Source));
        Assert.All(rows, r => Assert.Equal(outcome.Version, r.ModelVersion));
        Assert.All(rows, r => Assert.Equal(3, r.TopDrivers.Select(d => d.Feature).Distinct().Count()));
    }

    [Fact]
    public async Task Champion_rows_are_its_forecasts_for_dates_after_its_training()
    {
        using var modeling = new SmallModeling();
        var outcome = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Labels, CancellationToken.None);
        var metadata = await modeling.Registry.ReadMetadataAsync(outcome.Version, CancellationToken.None);
        using var champion = await modeling.Registry.LoadModelAsync(metadata, CancellationToken.None);
        var fresh = Market.Features.Skip(604).ToList();

        var rows = await new ChampionInference(modeling.Registry).PlanAsync(Market.Features, new HashSet<DateOnly>(), CancellationToken.None);

        var expected = champion.Forecast(fresh.SelectMany(f => f.Features).ToArray());
        var served = rows.Where(r => r.Source == PredictionSources.Champion).ToList();
        Assert.Equal(fresh.Select(f => f.Date), served.Select(r => r.Date));
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], served[i].Rv5dHat, 12);
    }

    [Fact]
    public async Task The_four_sessions_after_the_last_training_row_get_no_champion_forecast_because_its_label_read_their_future()
    {
        using var modeling = new SmallModeling();
        var outcome = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Labels, CancellationToken.None);
        var metadata = await modeling.Registry.ReadMetadataAsync(outcome.Version, CancellationToken.None);

        // As infer reads them on a catch-up: only the dates still to predict.
        var rows = await new ChampionInference(modeling.Registry).PlanAsync(
            Market.Features.Skip(600).ToList(), Market.Features.Take(600).Select(f => f.Date).ToHashSet(), CancellationToken.None);

        Assert.Equal(Market.Features[599].Date, metadata.TrainingTo);
        Assert.Equal(Market.Features.Skip(604).Select(f => f.Date), rows.Select(r => r.Date));
        Assert.All(rows, r => Assert.Equal(PredictionSources.Champion, r.Source));
    }

    [Fact]
    public async Task Dates_already_predicted_are_left_alone()
    {
        using var modeling = new SmallModeling();
        await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Labels, CancellationToken.None);
        var inference = new ChampionInference(modeling.Registry);
        var all = await inference.PlanAsync(Market.Features, new HashSet<DateOnly>(), CancellationToken.None);

        var rest = await inference.PlanAsync(Market.Features, all.Take(305).Select(r => r.Date).ToHashSet(), CancellationToken.None);

        Assert.Equal(
            all.Skip(305).Select(r => (r.Date, r.Rv5dHat, r.Source, string.Join(',', r.TopDrivers))),
            rest.Select(r => (r.Date, r.Rv5dHat, r.Source, string.Join(',', r.TopDrivers))));
        Assert.Empty(await inference.PlanAsync(Market.Features, all.Select(r => r.Date).ToHashSet(), CancellationToken.None));
    }

    [Fact]
    public async Task Without_a_champion_inference_fails_with_an_explanation()
    {
        using var modeling = new SmallModeling();
        await modeling.Trainer(SmallModeling.Options(gateMargin: 0.99)).TrainAsync(Market.Features, Labels, CancellationToken.None);

        var error = await Assert.ThrowsAsync<NoChampionException>(
            () => new ChampionInference(modeling.Registry).PlanAsync(Market.Features, new HashSet<DateOnly>(), CancellationToken.None));
        Assert.Contains("passed the gate", error.Message);
    }
}
