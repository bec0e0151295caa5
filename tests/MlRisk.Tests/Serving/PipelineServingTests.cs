using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;
using MlRisk.Core.Calendar;
using MlRisk.Core.Modeling;
using MlRisk.Functions.Hosting;
using MlRisk.Tests.Faults;
using MlRisk.Tests.Functions;

namespace MlRisk.Tests.Serving;

/// <summary>The API over a lake and a model the real pipeline produced.</summary>
[Collection(SyntheticPipelineCollection.Name)]
public sealed class PipelineServingTests(SyntheticPipelineHostFixture host)
{
    [Fact]
    public async Task Predict_on_the_latest_stored_features_reproduces_the_stored_champion_forecast()
    {
        var latest = await HttpJson.ReadAsync(await host.Client.GetAsync("/predictions/latest"));
        var date = latest.GetProperty("as_of_date").GetString()!;

        var (response, body) = await HttpJson.PostAsync(host.Client, "/predict", $$"""{"as_of_date":"{{date}}"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("champion", latest.GetProperty("source").GetString());
        Assert.Equal(latest.GetProperty("rv_5d_hat").GetDouble(), body.GetProperty("rv_5d_hat").GetDouble());
        Assert.Equal(
            latest.GetProperty("top_drivers").EnumerateArray().Select(d => d.GetString()),
            body.GetProperty("top_drivers").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task The_model_card_shows_a_champion_that_passed_the_gate_with_all_four_scores()
    {
        var (response, card) = await HttpJson.GetAsync(host.Client, "/model");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(card.GetProperty("gate").GetProperty("passed").GetBoolean());
        Assert.Equal(["model", "baseline", "har_rv", "har_x"],
            card.GetProperty("scores").EnumerateArray().Select(s => s.GetProperty("forecaster").GetString()));
    }

    [Fact]
    public async Task History_joins_realized_volatility_to_all_but_the_newest_forecast_and_skips_the_sessions_the_champions_labels_read()
    {
        var (_, history) = await HttpJson.GetAsync(host.Client, "/predictions");
        var points = history.GetProperty("points").EnumerateArray().ToList();
        var dates = points.Select(p => DateOnly.Parse(p.GetProperty("date").GetString()!, CultureInfo.InvariantCulture)).ToList();

        var withoutRealized = points.Where(p => p.GetProperty("rv_5d").ValueKind == System.Text.Json.JsonValueKind.Null).ToList();
        Assert.Equal([points[^1].GetProperty("date").GetString()], withoutRealized.Select(p => p.GetProperty("date").GetString()));
        // The cold run's champion was trained through the last labelled date; the four sessions after it are missing.
        Assert.Equal(5, TradingCalendar.Sessions(dates[^2].AddDays(1), dates[^1]).Count());
        Assert.Equal("champion", points[^1].GetProperty("source").GetString());
        Assert.Equal("walk_forward", points[^2].GetProperty("source").GetString());
        Assert.All(points, p => Assert.True(p.GetProperty("baseline").GetDouble() > 0));
    }

    [Fact]
    public async Task The_latest_run_summary_lists_the_six_stages_as_succeeded()
    {
        var (_, run) = await HttpJson.GetAsync(host.Client, "/runs/latest");

        Assert.Equal("succeeded", run.GetProperty("status").GetString());
        Assert.Equal(["ingest", "features", "labels", "train", "infer", "monitor"],
            run.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
    }

    [Fact]
    public async Task Health_reports_the_model_loaded_and_the_data_date()
    {
        var latest = await HttpJson.ReadAsync(await host.Client.GetAsync("/predictions/latest"));
        var (_, health) = await HttpJson.GetAsync(host.Client, "/health");

        Assert.True(health.GetProperty("model_loaded").GetBoolean());
        Assert.Equal(latest.GetProperty("as_of_date").GetString(), health.GetProperty("last_data_date").GetString());
        Assert.Equal(latest.GetProperty("as_of_date").GetString(), health.GetProperty("last_forecast_date").GetString());
    }

    [Fact]
    public async Task A_damaged_champion_answers_503_model_damaged_naming_the_file_and_health_says_so()
    {
        var root = Directory.CreateTempSubdirectory("mlrisk-serving-damaged-").FullName;
        var (data, artifacts) = (Path.Combine(root, "data"), Path.Combine(root, "artifacts"));
        LakeFiles.Copy(host.DataPath, data);
        LakeFiles.Copy(host.ArtifactsPath, artifacts);
        var modelFile = Path.Combine(artifacts, "models", LakeFiles.Champion(artifacts), ModelRegistry.ModelFile);
        File.WriteAllText(modelFile, File.ReadAllText(modelFile)[..200]);
        await using var app = StandaloneHost.Build(new StandaloneSettings("http://127.0.0.1:0", data, artifacts),
            builder => builder.Logging.SetMinimumLevel(LogLevel.Warning));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        var (response, problem) = await HttpJson.PostAsync(client, "/predict", """{"as_of_date":"2015-06-01"}""");
        var (_, health) = await HttpJson.GetAsync(client, "/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("urn:mlrisk:problem:model-damaged", problem.GetProperty("type").GetString());
        Assert.StartsWith($"the champion does not load: {modelFile} does not load in LightGBM (", problem.GetProperty("detail").GetString());
        Assert.Equal("model_damaged", health.GetProperty("status").GetString());
        Assert.False(health.GetProperty("model_loaded").GetBoolean());
        await app.StopAsync();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task The_latest_run_summary_is_snake_case_all_the_way_down()
    {
        var (response, run) = await HttpJson.GetAsync(host.Client, "/runs/latest");
        var (_, card) = await HttpJson.GetAsync(host.Client, "/model");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(run.GetProperty("started_utc").GetString()![..4], run.GetProperty("run_id").GetString());
        var train = run.GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "train");
        Assert.True(train.GetProperty("duration_ms").GetDouble() > 0);
        Assert.Equal(card.GetProperty("model_version").GetString(),
            train.GetProperty("result").GetProperty("training").GetProperty("version").GetString());
        Assert.DoesNotContain(PropertyNames(run), n => n != System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(n));
    }

    [Fact]
    public async Task A_real_model_warns_about_an_input_above_its_training_range_and_still_forecasts()
    {
        var (_, card) = await HttpJson.GetAsync(host.Client, "/model");
        var ranges = card.GetProperty("metadata").GetProperty("feature_ranges").EnumerateArray().ToList();
        var vixMax = ranges.Single(r => r.GetProperty("feature").GetString() == "vix").GetProperty("max").GetDouble();
        var latest = await HttpJson.ReadAsync(await host.Client.GetAsync("/predictions/latest"));
        var date = latest.GetProperty("as_of_date").GetString()!;

        var vix = Math.Min(vixMax + 10, 199);
        var vector = ranges.ToDictionary(r => r.GetProperty("feature").GetString()!, r => (r.GetProperty("min").GetDouble() + r.GetProperty("max").GetDouble()) / 2);
        vector["vix"] = vix;
        vector["vix_term"] = vector["vix3m"] / vix;
        var body = "{\"as_of_date\":\"" + date + "\",\"feature_vector\":" + System.Text.Json.JsonSerializer.Serialize(vector) + "}";
        var (response, answer) = await HttpJson.PostAsync(host.Client, "/predict", body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(answer.GetProperty("rv_5d_hat").GetDouble() > 0);
        Assert.Contains("vix", answer.GetProperty("warnings").EnumerateArray().Select(w => w.GetProperty("feature").GetString()));
    }

    private static IEnumerable<string> PropertyNames(System.Text.Json.JsonElement element) => element.ValueKind switch
    {
        System.Text.Json.JsonValueKind.Object => element.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)),
        System.Text.Json.JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };
}
