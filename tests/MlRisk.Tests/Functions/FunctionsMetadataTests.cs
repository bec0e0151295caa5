using System.Text.Json;

namespace MlRisk.Tests.Functions;

/// <summary>
/// The build output's functions.metadata is what the Functions host indexes: every function, its trigger,
/// the schedule setting of each timer and the route and method of each HTTP function.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonElement Metadata =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata"))).RootElement;

    private static JsonElement Trigger(string function)
    {
        var entry = Metadata.EnumerateArray().Single(f => f.GetProperty("name").GetString() == function);
        return entry.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In");
    }

    [Fact]
    public void Every_function_is_indexed_and_nothing_else()
    {
        var names = Metadata.EnumerateArray().Select(f => f.GetProperty("name").GetString()!).Order().ToArray();

        Assert.Equal(
            ["DailyRun", "Dashboard", "DashboardVendor", "Features", "Health", "Infer", "Ingest", "Labels", "LatestPrediction",
             "LatestRun", "Model", "Monitor", "Monitoring", "OpenApi", "Predict", "Predictions", "Train"],
            names);
    }

    [Theory]
    [InlineData("Ingest", "%IngestSchedule%")]
    [InlineData("Features", "%FeaturesSchedule%")]
    [InlineData("Labels", "%LabelsSchedule%")]
    [InlineData("Train", "%TrainSchedule%")]
    [InlineData("Infer", "%InferSchedule%")]
    [InlineData("Monitor", "%MonitorSchedule%")]
    [InlineData("DailyRun", "%DailyRunSchedule%")]
    public void Timers_take_their_schedule_from_an_app_setting(string function, string schedule)
    {
        var trigger = Trigger(function);

        Assert.Equal("timerTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(schedule, trigger.GetProperty("schedule").GetString());
        Assert.False(trigger.TryGetProperty("runOnStartup", out var r) && r.GetBoolean());
    }

    [Theory]
    [InlineData("Predict", "predict", "post")]
    [InlineData("Predictions", "predictions", "get")]
    [InlineData("LatestPrediction", "predictions/latest", "get")]
    [InlineData("Model", "model", "get")]
    [InlineData("LatestRun", "runs/latest", "get")]
    [InlineData("Health", "health", "get")]
    [InlineData("OpenApi", "openapi.json", "get")]
    [InlineData("Dashboard", Core.Serving.DashboardFiles.Route, "get")]
    [InlineData("DashboardVendor", Core.Serving.DashboardFiles.VendorRoute, "get")]
    public void Http_functions_have_the_api_route_and_method_anonymously(string function, string route, string method)
    {
        var trigger = Trigger(function);

        Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).ToArray());
        Assert.Equal("Anonymous", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Host_json_in_the_output_has_an_empty_route_prefix()
    {
        var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json"))).RootElement;

        Assert.Equal("2.0", host.GetProperty("version").GetString());
        Assert.Equal("", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
    }
}
