using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;
using MlRisk.Core.Serving;
using MlRisk.Tests.Functions;

namespace MlRisk.Tests.Serving;

/// <summary>The /predict handler's last line of defence, called directly as both hosts call it.</summary>
public sealed class PredictHandlerTests
{
    /// <summary>
    /// A model whose output overflows: the champion's domain checks make this unreachable for today's log-HAR-X +
    /// trees, but a future model (or a corrupted model file) must still get a 422, never a 500.
    /// </summary>
    private sealed class OverflowingForecaster : IForecaster
    {
        public Forecast Predict(FeatureVector features) => new(Modeling.TestDistributions.Around(1) with { Rv5dHat = double.PositiveInfinity },
            [new Driver(FeatureNames.Vix, features[7], 800), new Driver(FeatureNames.SpyVol5d, features[3], 1), new Driver(FeatureNames.SpyRet1d, features[0], 0.5)]);
    }

    private sealed class Overflowing : IChampionModel
    {
        public Task<ChampionState> GetAsync(CancellationToken ct) => Task.FromResult(ChampionState.Serving(new OverflowingForecaster(), FakeChampion.Card));
    }

    [Fact]
    public async Task A_forecast_that_is_not_a_positive_finite_number_is_422_naming_the_inputs()
    {
        using var services = new ServiceCollection().AddLogging().AddMlRiskServing().BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(HttpJson.PredictBody("2024-07-01", FakeLake.SampleFeatures())));
        context.Response.Body = new MemoryStream();

        var result = await MlRiskApi.PredictAsync(context.Request, new FakeLake(), new Overflowing(), CancellationToken.None);
        await ((IResult)result.Result).ExecuteAsync(context);

        Assert.Equal(StatusCodes.Status422UnprocessableEntity, context.Response.StatusCode);
        context.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(context.Response.Body);
        Assert.Equal("urn:mlrisk:problem:forecast-not-finite", problem.RootElement.GetProperty("type").GetString());
        Assert.Contains("rv_5d = Infinity", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(FeatureNames.All.Select(f => "feature_vector." + f),
            problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
    }
}
