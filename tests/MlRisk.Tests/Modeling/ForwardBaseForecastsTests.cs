using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;

namespace MlRisk.Tests.Modeling;

public sealed class ForwardBaseForecastsTests
{
    [Fact]
    public void Each_block_is_forecast_by_a_base_fitted_only_on_the_rows_before_it_less_the_purge()
    {
        var (features, labels) = SyntheticMarket.Generate(400);
        var set = TrainingSet.Join(features, labels);

        var forecasts = ForwardBaseForecasts.Compute(set, first: 200, end: 400, block: 50, purge: 5);

        // Rows 300..349 form the third block: a base on rows [0, 295) forecasts them.
        var logRv = set.Rv5d.Take(295).Select(LogHarBase.LogTarget).ToArray();
        var expected = LogHarBase.Fit(set.Block(0, 295), logRv);
        Assert.Equal(200, forecasts.Length);
        Assert.Equal(expected.Predict(set.Row(300)), forecasts[100], 12);
        Assert.Equal(expected.Predict(set.Row(349)), forecasts[149], 12);
    }

    [Fact]
    public void A_later_label_does_not_move_an_earlier_forecast()
    {
        var (features, labels) = SyntheticMarket.Generate(400);
        var changed = labels.Select((l, i) => i >= 295 ? l with { Rv5d = l.Rv5d * 3 } : l).ToList();

        var original = ForwardBaseForecasts.Compute(TrainingSet.Join(features, labels), 200, 400, 50, 5);
        var altered = ForwardBaseForecasts.Compute(TrainingSet.Join(features, changed), 200, 400, 50, 5);

        // Blocks up to row 349 are fitted on rows before 295; the last block (350..399) sees the changed labels.
        Assert.Equal(original[..150], altered[..150]);
        Assert.NotEqual(original[150], altered[150]);
    }
}
