using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Serving;

/// <summary>
/// One registration of the HTTP side for both hosts: the serving ports over the lake and the model registry,
/// the dashboard settings, problem details, the OpenAPI document, and the product's JSON policy for every
/// response. The Functions worker's ASP.NET Core integration runs the same IResults, so the policy holds there too.
/// </summary>
public static class ServingRegistration
{
    public const string OpenApiDocument = "v1";

    public static IServiceCollection AddMlRiskServing(this IServiceCollection services)
    {
        services.AddOptions<ServingOptions>().BindConfiguration(ServingOptions.Section)
            .Validate(o => File.Exists(Path.Combine(o.WebRoot, "index.html")),
                $"Setting '{ServingOptions.Section}:{nameof(ServingOptions.WebRoot)}' must name the dashboard folder (with index.html); " +
                "the build copies web/ next to the app.")
            .Validate(o => o.MaxStalenessSessions >= 0,
                $"Setting '{ServingOptions.Section}:{nameof(ServingOptions.MaxStalenessSessions)}' must be 0 or more.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IForecastReader, LakeForecastReader>();
        services.TryAddSingleton<IChampionModel, RegistryChampionModel>();
        services.Configure<JsonOptions>(o => MlRiskJson.Apply(o.SerializerOptions));
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(OpenApiDocument, o => o.AddDocumentTransformer<OpenApiDocumentPolicy>());
        return services;
    }
}
