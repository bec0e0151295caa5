using System.Net;
using MlRisk.Core.Contracts;
using MlRisk.Core.Serving;
using static MlRisk.Tests.Functions.HttpJson;

namespace MlRisk.Tests.Functions;

/// <summary>The API contract over a real Kestrel port: the successful answers of every route.</summary>
public sealed class ApiContractTests(StandaloneHostFixture host) : IClassFixture<StandaloneHostFixture>
{
    private readonly HttpClient client = host.Client;

    [Fact]
    public async Task Predict_returns_the_spec_fields_and_the_forecasters_numbers()
    {
        var features = FakeLake.SampleFeatures();
        var (response, body) = await PostAsync(client, "/predict", PredictBody("2024-07-01", features));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var expected = LinearForecaster.Instance.Predict(features);
        Assert.Equal(expected.Rv5dHat, body.GetProperty("rv_5d_hat").GetDouble());
        var regimes = body.GetProperty("regime_probs");
        Assert.Equal(["calm", "normal", "elevated", "stressed"], regimes.EnumerateObject().Select(p => p.Name));
        Assert.Equal(expected.Distribution.PStressed, regimes.GetProperty("stressed").GetDouble());
        Assert.Equal(1.0, regimes.EnumerateObject().Sum(p => p.Value.GetDouble()), 12);
        Assert.Equal(expected.Distribution.Var99, body.GetProperty("distribution").GetProperty("var99_5d").GetDouble());
        Assert.Equal(expected.Drivers.Select(d => d.Feature), body.GetProperty("top_drivers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, body.GetProperty("top_drivers").GetArrayLength());
        Assert.Equal("2024-07-01", body.GetProperty("as_of_date").GetString());
        Assert.Equal("fake-v1", body.GetProperty("model_version").GetString());
        Assert.Equal(expected.Rv5dHat * Math.Sqrt(252.0 / 5.0), body.GetProperty("rv_5d_hat_annualized").GetDouble(), 12);
        var first = body.GetProperty("drivers")[0];
        Assert.Equal(expected.Drivers[0].Shap, first.GetProperty("shap").GetDouble());
        Assert.Equal(expected.Drivers[0].Value, first.GetProperty("value").GetDouble());
        Assert.Equal("request", body.GetProperty("features_source").GetString());
    }

    [Fact]
    public async Task Predict_without_a_feature_vector_uses_the_stored_features_of_the_date()
    {
        var date = FakeLake.LastDate;
        var (response, body) = await PostAsync(client, "/predict", $"{{\"as_of_date\":\"{date:yyyy-MM-dd}\"}}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LinearForecaster.Instance.Predict(host.Lake.Features[date].Features).Rv5dHat, body.GetProperty("rv_5d_hat").GetDouble());
        Assert.Equal("features_daily", body.GetProperty("features_source").GetString());
    }

    [Fact]
    public async Task Predict_for_a_date_without_stored_features_is_404_naming_the_date()
    {
        var (response, body) = await PostAsync(client, "/predict", "{\"as_of_date\":\"2024-06-29\",\"feature_vector\":null}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", MediaType(response));
        Assert.Equal(["as_of_date"], ErrorFields(body));
        Assert.Contains("2024-06-29", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Latest_prediction_is_the_newest_stored_forecast()
    {
        var (response, body) = await GetAsync(client, "/predictions/latest");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FakeLake.LastDate.ToString("yyyy-MM-dd"), body.GetProperty("as_of_date").GetString());
        Assert.Equal(host.Lake.Latest!.Rv5dHat, body.GetProperty("rv_5d_hat").GetDouble());
        Assert.Equal(3, body.GetProperty("drivers").GetArrayLength());
        Assert.Equal("champion", body.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Predictions_in_a_range_are_the_stored_points_in_it_with_realized_and_baseline()
    {
        var (response, body) = await GetAsync(client, "/predictions?from=2024-06-03&to=2024-06-28");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var points = body.GetProperty("points");
        Assert.Equal(19, points.GetArrayLength()); // NYSE sessions of June 3–28, 2024 (closed on Juneteenth)
        Assert.Equal(19, body.GetProperty("count").GetInt32());
        Assert.Equal("2024-06-03", points[0].GetProperty("date").GetString());
        Assert.True(points[0].GetProperty("rv_5d").GetDouble() > 0);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, points[18].GetProperty("rv_5d").ValueKind);
        Assert.Equal(FakeLake.SampleFeatures()[FeatureNames.IndexOf(FeatureNames.SpyVol20d)] * Math.Sqrt(0.25),
            points[18].GetProperty("baseline").GetDouble(), 12);
    }

    [Theory]
    [InlineData("/predictions?from=2024-13-01", "from")]
    [InlineData("/predictions?to=yesterday", "to")]
    [InlineData("/predictions?from=2024-06-10&to=2024-06-01", "from")]
    public async Task Predictions_with_a_bad_range_is_400_naming_the_parameter(string path, string field)
    {
        var (response, body) = await GetAsync(client, path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", MediaType(response));
        Assert.Equal([field], ErrorFields(body));
    }

    [Fact]
    public async Task Model_returns_the_champions_scores_and_gate()
    {
        var (response, body) = await GetAsync(client, "/model");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("fake-v1", body.GetProperty("model_version").GetString());
        Assert.True(body.GetProperty("gate").GetProperty("passed").GetBoolean());
        Assert.Equal(["model", "baseline", "har_rv", "har_x"],
            body.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("forecaster").GetString()!).ToArray());
        Assert.Equal(42, body.GetProperty("metadata").GetProperty("seed").GetInt32());
    }

    [Fact]
    public async Task Latest_run_returns_the_summary_as_stored()
    {
        var (response, body) = await GetAsync(client, "/runs/latest");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("run-1", body.GetProperty("run_id").GetString());
    }

    [Fact]
    public async Task Health_reports_the_model_and_how_many_sessions_the_data_is_behind()
    {
        var (response, body) = await GetAsync(client, "/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.GetProperty("model_loaded").GetBoolean());
        Assert.Equal("2024-06-28", body.GetProperty("last_data_date").GetString());
        var lastSession = DateOnly.Parse(body.GetProperty("last_completed_session").GetString()!);
        var behind = Core.Calendar.TradingCalendar.Sessions(FakeLake.LastDate.AddDays(1), lastSession).Count();
        Assert.Equal(behind, body.GetProperty("staleness_sessions").GetInt32());
        Assert.Equal("stale", body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task OpenApi_document_lists_every_api_route()
    {
        var (response, body) = await GetAsync(client, "/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = body.GetProperty("paths").EnumerateObject().Select(p => p.Name).Order().ToArray();
        Assert.Equal(["/health", "/model", "/monitor", "/predict", "/predictions", "/predictions/latest", "/runs/latest"], paths);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/index.html", "text/html")]
    [InlineData("/app.js", "text/javascript")]
    [InlineData("/style.css", "text/css")]
    [InlineData("/vendor/chart.umd.js", "text/javascript")]
    public async Task Dashboard_files_are_served_from_web(string path, string mediaType)
    {
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, MediaType(response));
    }

    [Theory]
    [InlineData("/../MlRisk.Core.dll")]
    [InlineData("/vendor/missing.js")]
    [InlineData("/notes.txt")]
    public async Task Paths_outside_the_dashboard_are_404(string path)
    {
        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
