using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Serving;
using MlRisk.Functions;
using MlRisk.Functions.Api;
using MlRisk.Functions.Timers;

namespace MlRisk.Tests.Functions;

/// <summary>
/// What can be checked of the Functions side without the Functions host (Core Tools cannot be installed here):
/// the worker's container builds, every function class resolves from it, and the thin functions pass their
/// trigger data to the shared handlers and the pipeline trigger.
/// </summary>
public sealed class FunctionsWorkerTests : IDisposable
{
    private readonly FakeLake lake = new();
    private readonly RecordingTrigger trigger = new();
    private readonly IHost worker;

    public FunctionsWorkerTests()
    {
        worker = FunctionsWorker.Build([], builder =>
        {
            builder.Services.AddSingleton<IForecastReader>(lake);
            builder.Services.AddSingleton<IRunSummaryStore>(lake);
            builder.Services.AddSingleton<IChampionModel>(new FakeChampion(serving: true));
            builder.Services.AddSingleton<IPipelineTrigger>(trigger);
        });
    }

    public void Dispose() => worker.Dispose();

    private DefaultHttpContext Context(string query = "", string? body = null)
    {
        var context = new DefaultHttpContext { RequestServices = worker.Services };
        context.Request.QueryString = new QueryString(query);
        context.Response.Body = new MemoryStream();
        if (body is not null)
        {
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        }
        return context;
    }

    private static async Task<(int Status, string Body)> ExecuteAsync(IResult result, HttpContext context)
    {
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync());
    }

    [Fact]
    public async Task The_predict_function_answers_like_the_standalone_route()
    {
        var functions = ActivatorUtilities.CreateInstance<ApiFunctions>(worker.Services);
        var context = Context(body: HttpJson.PredictBody("2024-07-01", FakeLake.SampleFeatures()));

        var (status, body) = await ExecuteAsync(await functions.Predict(context.Request, CancellationToken.None), context);

        Assert.Equal((int)HttpStatusCode.OK, status);
        Assert.Contains("\"regime_probs\":{\"calm\":", body);
    }

    [Fact]
    public async Task The_predictions_function_passes_the_query_range_to_the_handler()
    {
        var functions = ActivatorUtilities.CreateInstance<ApiFunctions>(worker.Services);
        var bad = Context("?from=2024-06-31");

        var (status, body) = await ExecuteAsync(await functions.Predictions(bad.Request, CancellationToken.None), bad);

        Assert.Equal((int)HttpStatusCode.BadRequest, status);
        Assert.Contains("\"field\":\"from\"", body);
    }

    [Fact]
    public async Task The_openapi_function_serves_the_generated_document()
    {
        var functions = ActivatorUtilities.CreateInstance<ApiFunctions>(worker.Services);
        var context = Context();

        var (status, body) = await ExecuteAsync(await functions.OpenApi(context.Request, CancellationToken.None), context);

        Assert.Equal(200, status);
        Assert.Contains("\"/predictions/latest\"", body);
    }

    [Fact]
    public async Task A_timer_function_runs_its_stages_under_its_name()
    {
        var timers = ActivatorUtilities.CreateInstance<StageTimers>(worker.Services);

        await timers.Train(new TimerInfo { IsPastDue = true }, CancellationToken.None);
        await timers.DailyRun(new TimerInfo(), CancellationToken.None);

        Assert.Equal(["timer:Train", "timer:DailyRun"], trigger.Runs.Select(r => r.Trigger).ToArray());
        Assert.Equal([StageName.Train], trigger.Runs.First().Stages);
        Assert.Equal(Enum.GetValues<StageName>(), trigger.Runs.Last().Stages);
    }

    [Fact]
    public void The_worker_serves_the_lake_and_the_model_registry_through_the_real_ports()
    {
        using var real = FunctionsWorker.Build([]);

        Assert.IsType<LakeForecastReader>(real.Services.GetRequiredService<IForecastReader>());
        Assert.IsType<RegistryChampionModel>(real.Services.GetRequiredService<IChampionModel>());
        Assert.IsType<ArtifactRunSummaryStore>(real.Services.GetRequiredService<IRunSummaryStore>());
        Assert.IsType<PipelineTrigger>(real.Services.GetRequiredService<IPipelineTrigger>());
    }
}
