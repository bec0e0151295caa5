using System.Net;
using static MlRisk.Tests.Functions.HttpJson;

namespace MlRisk.Tests.Functions;

public sealed class ConcurrencyTests(StandaloneHostFixture host) : IClassFixture<StandaloneHostFixture>
{
    [Fact]
    public async Task Two_hundred_parallel_predictions_each_get_their_own_answer()
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = host.BaseAddress };
        var requests = Enumerable.Range(0, 200).Select(async i =>
        {
            var features = FakeLake.SampleFeatures(ret1d: i * 1e-4);
            var (response, body) = await PostAsync(client, "/predict", PredictBody("2024-07-01", features));
            return (i, response.StatusCode, Rv: body.GetProperty("rv_5d_hat").GetDouble(), Expected: LinearForecaster.Instance.Predict(features).Rv5dHat);
        });

        var results = await Task.WhenAll(requests);

        Assert.All(results, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.All(results, r => Assert.Equal(r.Expected, r.Rv));
        Assert.Equal(200, results.Select(r => r.Rv).Distinct().Count());
    }
}
