using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;
using MlRisk.Core.Monitoring;
using MlRisk.Core.Pipeline;

namespace MlRisk.Core.Serving;

/// <summary>
/// The HTTP API of both hosts. The standalone host maps these routes with <see cref="MapMlRiskApi"/>;
/// each Azure Functions HTTP function calls the same static handler.
/// </summary>
public static class MlRiskApi
{
    public static IEndpointRouteBuilder MapMlRiskApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/predict", PredictAsync)
            .WithName("Predict")
            .WithSummary("Forecast rv_5d for a date from a feature vector, or from the stored features of that date")
            .Accepts<PredictBody>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/predictions", HistoryAsync)
            .WithName("Predictions")
            .WithSummary("Stored forecasts in [from, to] with the realized rv_5d and the baseline where known")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/predictions/latest", LatestAsync)
            .WithName("LatestPrediction")
            .WithSummary("The newest stored forecast")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/model", ModelAsync)
            .WithName("Model")
            .WithSummary("The champion's walk-forward scores, gate decision and metadata")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/runs/latest", LatestRunAsync)
            .WithName("LatestRun")
            .WithSummary("The newest pipeline run summary")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/health", HealthAsync)
            .WithName("Health")
            .WithSummary("Model loaded, last data date, staleness in NYSE sessions and the newest monitor status with its reasons");
        app.MapGet("/monitor", MonitorAsync)
            .WithName("Monitoring")
            .WithSummary("Monitoring rows in [from, to]: rolling live scores vs the baseline and HAR-X, feature drift (PSI, KS, out of range), status and reasons")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        app.MapGet("/" + DashboardFiles.Route, (string? file, IOptions<ServingOptions> options, HttpResponse response) => Dashboard(file, options, response))
            .WithName("Dashboard")
            .ExcludeFromDescription();
        app.MapGet("/" + DashboardFiles.VendorRoute, (string file, IOptions<ServingOptions> options, HttpResponse response) => Dashboard("vendor/" + file, options, response))
            .WithName("DashboardVendor")
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<Ok<PredictResponse>, ProblemHttpResult>> PredictAsync(
        HttpRequest request,
        [FromServices] IForecastReader forecasts,
        [FromServices] IChampionModel champion,
        CancellationToken ct)
    {
        if (request.ContentType is { } contentType && !IsJson(contentType)) return Problems.UnsupportedMediaType(contentType);
        if (request.ContentLength > PredictRequestReader.MaxBodyBytes) return Problems.BodyTooLarge(request.ContentLength);

        PredictRequestReader.Result read;
        var buffer = ArrayPool<byte>.Shared.Rent(PredictRequestReader.MaxBodyBytes + 1);
        try
        {
            var length = 0;
            while (length <= PredictRequestReader.MaxBodyBytes)
            {
                var n = await request.Body.ReadAsync(buffer.AsMemory(length, PredictRequestReader.MaxBodyBytes + 1 - length), ct);
                if (n == 0) break;
                length += n;
            }
            if (length > PredictRequestReader.MaxBodyBytes) return Problems.BodyTooLarge(null);
            read = PredictRequestReader.Read(buffer.AsMemory(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (read.Request is not { } body)
        {
            return read.MalformedJson ? Problems.MalformedJson(read.Errors[0]) : Problems.InvalidRequest(read.Errors);
        }

        if (body.Features is { } sent && sent.Violations() is { Count: > 0 } violations)
        {
            return Problems.OutOfDomain(violations);
        }

        var state = await champion.GetAsync(ct);
        if (!state.HasChampion) return Problems.NoChampion(state);

        var features = body.Features;
        var source = PredictResponse.FromRequest;
        if (features is null)
        {
            var row = await forecasts.FeaturesAsync(body.AsOfDate, ct);
            if (row is null) return Problems.NoStoredFeatures(body.AsOfDate);
            features = row.Features;
            source = PredictResponse.FromLake;
        }

        var warnings = InputWarning.Outside(state.Card.Metadata.FeatureRanges, features);
        var forecast = state.Forecaster.Predict(features);
        if (!double.IsFinite(forecast.Rv5dHat) || forecast.Rv5dHat <= 0 || !forecast.Distribution.AllFinite)
        {
            return Problems.NoFiniteForecast(state.Card.ModelVersion, body.AsOfDate, forecast.Rv5dHat, features, warnings);
        }

        return TypedResults.Ok(new PredictResponse(
            forecast.Rv5dHat,
            forecast.Distribution.RegimeProbabilitiesByName,
            Driver.Names(forecast.Drivers),
            body.AsOfDate,
            state.Card.ModelVersion,
            Annualization.Annualize(forecast.Rv5dHat),
            forecast.Drivers,
            source,
            warnings,
            forecast.Distribution));
    }

    public static async Task<Results<EntityTaggedJson<PredictionHistoryResponse>, ProblemHttpResult>> HistoryAsync(
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromServices] IForecastReader forecasts,
        CancellationToken ct)
    {
        var range = ParseRange(from, to);
        if (range.Errors is { } errors) return Problems.InvalidRequest(errors);
        var points = await forecasts.HistoryAsync(range.From, range.To, ct);
        return new EntityTaggedJson<PredictionHistoryResponse>(new PredictionHistoryResponse(range.From, range.To, points.Count, points));
    }

    public static async Task<Results<EntityTaggedJson<MonitoringHistoryResponse>, ProblemHttpResult>> MonitorAsync(
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromServices] IForecastReader forecasts,
        [FromServices] IOptions<MonitoringOptions> monitoring,
        CancellationToken ct)
    {
        var range = ParseRange(from, to);
        if (range.Errors is { } errors) return Problems.InvalidRequest(errors);
        var rows = await forecasts.MonitoringAsync(range.From, range.To, ct);
        return new EntityTaggedJson<MonitoringHistoryResponse>(new MonitoringHistoryResponse(
            range.From, range.To, monitoring.Value.WindowSessions, MonitorThresholds.Of(monitoring.Value), rows.Count, rows));
    }

    public static async Task<Results<Ok<LatestForecastResponse>, ProblemHttpResult>> LatestAsync(
        [FromServices] IForecastReader forecasts,
        CancellationToken ct)
    {
        var latest = await forecasts.LatestAsync(ct);
        if (latest is null)
        {
            return Problems.NotFound("no-predictions", "No forecasts yet",
                "predictions_daily is empty: run the pipeline (./mlrisk run) or wait for the DailyRun timer.");
        }
        return TypedResults.Ok(new LatestForecastResponse(
            latest.Date,
            latest.Rv5dHat,
            Annualization.Annualize(latest.Rv5dHat),
            Driver.Names(latest.TopDrivers),
            latest.TopDrivers,
            latest.ModelVersion,
            latest.Source,
            latest.Distribution));
    }

    public static async Task<Results<Ok<ModelCard>, ProblemHttpResult>> ModelAsync(
        [FromServices] IChampionModel champion,
        CancellationToken ct)
    {
        var state = await champion.GetAsync(ct);
        return state.HasChampion ? TypedResults.Ok(state.Card) : Problems.NoChampion(state);
    }

    public static async Task<Results<Ok<RunSummary>, ProblemHttpResult>> LatestRunAsync(
        [FromServices] IRunSummaryStore runs,
        CancellationToken ct)
    {
        var summary = await runs.ReadLatestAsync(ct);
        return summary is { } s
            ? TypedResults.Ok(s)
            : Problems.NotFound("no-runs", "No pipeline run yet", "The run summary store holds no run yet: run the pipeline first (./mlrisk run).");
    }

    public static async Task<Ok<HealthResponse>> HealthAsync(
        [FromServices] IForecastReader forecasts,
        [FromServices] IChampionModel champion,
        [FromServices] TimeProvider time,
        [FromServices] IOptions<ServingOptions> options,
        CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var lastSession = TradingCalendar.LastCompletedSession(now);
        var state = await champion.GetAsync(ct);
        var lastData = await forecasts.LastDataDateAsync(ct);
        var lastForecast = (await forecasts.LatestAsync(ct))?.Date;
        // Trading sessions after a date, up to and including the last completed one.
        int? Behind(DateOnly? date) => date is { } d ? TradingCalendar.Sessions(d.AddDays(1), lastSession).Count() : null;
        var staleness = Behind(lastData);
        var forecastStaleness = Behind(lastForecast);
        // The forecast, not the data, is what a user acts on: fresh data that infer has not forecast from is a stale answer.
        var status = lastData is null ? "no_data"
            : state.Damaged ? "model_damaged"
            : !state.HasChampion ? "no_model"
            : forecastStaleness is null || forecastStaleness > options.Value.MaxStalenessSessions ? "stale"
            : "ok";
        var monitored = await forecasts.MonitoringAsync(null, null, ct);
        var monitor = monitored.Count == 0 ? null : new MonitorHealth(monitored[^1].Date, monitored[^1].Status, monitored[^1].Reasons);
        return TypedResults.Ok(new HealthResponse(
            status, state.HasChampion, state.HasChampion ? state.Card.ModelVersion : null, lastData, lastForecast, lastSession,
            staleness, forecastStaleness, now, monitor));
    }

    /// <param name="path">Relative to the web root: null or "" for index.html, "app.js", "vendor/chart.umd.js".</param>
    public static Results<PhysicalFileHttpResult, ProblemHttpResult> Dashboard(string? path, IOptions<ServingOptions> options, HttpResponse response)
    {
        var file = DashboardFiles.Resolve(options.Value.WebRoot, path);
        if (file is null)
        {
            return Problems.NotFound("no-such-file", "Not found",
                $"'/{path}' is not a dashboard file under {options.Value.WebRoot}" +
                (path is not null && path.StartsWith("vendor/", StringComparison.Ordinal)
                    ? "; install Chart.js with `npm ci --prefix web` and rebuild." : "."));
        }
        response.Headers.CacheControl = DashboardFiles.CacheControlOf(path);
        var info = new FileInfo(file);
        // Weak, as for the JSON: compression sends the same file as other bytes under this tag.
        var tag = new EntityTagHeaderValue($"\"{info.Length:x}-{info.LastWriteTimeUtc.Ticks:x}\"", isWeak: true);
        return TypedResults.PhysicalFile(file, DashboardFiles.ContentTypeOf(file), lastModified: info.LastWriteTimeUtc, entityTag: tag);
    }

    /// <summary>The from and to query dates of a range, or the errors that name each bad one.</summary>
    private static (DateOnly? From, DateOnly? To, List<FieldError>? Errors) ParseRange(string? from, string? to)
    {
        var errors = new List<FieldError>();
        var fromDate = ParseQueryDate("from", from, errors);
        var toDate = ParseQueryDate("to", to, errors);
        if (errors.Count == 0 && fromDate > toDate)
        {
            errors.Add(FieldError.At("from", $"from ({from}) is after to ({to})."));
        }
        return errors.Count > 0 ? (null, null, errors) : (fromDate, toDate, null);
    }

    private static DateOnly? ParseQueryDate(string name, string? text, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", out var date)) return date;
        errors.Add(FieldError.At(name, $"'{text}' is not a date in the form YYYY-MM-DD."));
        return null;
    }

    private static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
