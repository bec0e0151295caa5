using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using MlRisk.Core.Monitoring;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Serving;

namespace MlRisk.Functions.Api;

/// <summary>
/// The HTTP functions of the Functions host: one per route of <see cref="MlRiskApi"/>, each a thin call into the
/// same handler the standalone host maps. host.json sets routePrefix to "", so the routes are the API's own.
/// </summary>
public sealed class ApiFunctions(
    IForecastReader forecasts,
    IChampionModel champion,
    IRunSummaryStore runs,
    TimeProvider time,
    IOptions<ServingOptions> options,
    IOptions<MonitoringOptions> monitoring,
    OpenApiDocumentCache openApi)
{
    [Function("Predict")]
    public async Task<IResult> Predict(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "predict")] HttpRequest req, CancellationToken ct) =>
        await MlRiskApi.PredictAsync(req, forecasts, champion, ct);

    [Function("Predictions")]
    public async Task<IResult> Predictions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "predictions")] HttpRequest req, CancellationToken ct) =>
        await MlRiskApi.HistoryAsync(req.Query["from"], req.Query["to"], forecasts, ct);

    [Function("LatestPrediction")]
    public async Task<IResult> LatestPrediction(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "predictions/latest")] HttpRequest req, CancellationToken ct) =>
        await MlRiskApi.LatestAsync(forecasts, ct);

    [Function("Model")]
    public async Task<IResult> Model(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "model")] HttpRequest req, CancellationToken ct) =>
        await MlRiskApi.ModelAsync(champion, ct);

    [Function("LatestRun")]
    public async Task<IResult> LatestRun(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "runs/latest")] HttpRequest req, CancellationToken ct) =>
        await MlRiskApi.LatestRunAsync(runs, ct);

    [Function("Monitoring")]
    public async Task<IResult> Monitoring(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "monitor")] HttpRequest req, CancellationToken ct) =>
        await MlRiskApi.MonitorAsync(req.Query["from"], req.Query["to"], forecasts, monitoring, ct);

    [Function("Health")]
    public async Task<IResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req, CancellationToken ct) =>
        await MlRiskApi.HealthAsync(forecasts, champion, time, options, ct);

    [Function("OpenApi")]
    public async Task<IResult> OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req, CancellationToken ct) =>
        TypedResults.Text(await openApi.GetAsync(ct), "application/json; charset=utf-8");

    /// <summary>
    /// The dashboard files. The routes match only dashboard file names (see <see cref="DashboardFiles.Route"/>),
    /// because the Functions host tries routes in registration order, not by precedence.
    /// </summary>
    [Function("Dashboard")]
    public IResult Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardFiles.Route)] HttpRequest req, string? file) =>
        MlRiskApi.Dashboard(file, options, req.HttpContext.Response);

    [Function("DashboardVendor")]
    public IResult DashboardVendor(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = DashboardFiles.VendorRoute)] HttpRequest req, string file) =>
        MlRiskApi.Dashboard("vendor/" + file, options, req.HttpContext.Response);
}
