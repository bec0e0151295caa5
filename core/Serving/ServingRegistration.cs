using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace MlRisk.Core.Serving;

/// <summary>
/// One registration of the HTTP side for both hosts (the Functions builder and the standalone
/// WebApplicationBuilder are both <see cref="IHostApplicationBuilder"/>). The ports
/// (<see cref="IForecastReader"/>, <see cref="IChampionModel"/>, <see cref="IRunSummaryReader"/>,
/// <see cref="IPipelineTrigger"/>) are registered by the lake and model areas.
/// </summary>
public static class ServingRegistration
{
    public const string OpenApiDocument = "v1";

    public static IHostApplicationBuilder AddMlRiskServing(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ServingOptions>().BindConfiguration(ServingOptions.Section)
            .Validate(o => File.Exists(Path.Combine(o.WebRoot, "index.html")),
                $"Setting '{ServingOptions.Section}:{nameof(ServingOptions.WebRoot)}' must name the dashboard folder (with index.html); " +
                "the build copies web/ next to the app.")
            .Validate(o => o.MaxStalenessSessions >= 0,
                $"Setting '{ServingOptions.Section}:{nameof(ServingOptions.MaxStalenessSessions)}' must be 0 or more.")
            .ValidateOnStart();
        services.AddOptions<ScheduleOptions>().Bind(builder.Configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddOpenApi(OpenApiDocument, o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "MlRisk",
                Version = "1",
                Description = "SPY 5-day realized volatility forecasts (rv_5d, not annualized) with SHAP drivers.",
            };
            return Task.CompletedTask;
        }));
        services.AddHostedService<StartupRun>();
        return builder;
    }

    /// <summary>The standalone host's in-process timers; the Functions host has its own.</summary>
    public static IHostApplicationBuilder AddMlRiskScheduler(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<PipelineScheduler>();
        return builder;
    }
}
