using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlRisk.Functions.Api;
using MlRisk.Core;
using MlRisk.Core.Observability;
using MlRisk.Core.Serving;

namespace MlRisk.Functions.Hosting;

/// <summary>
/// The composition root both hosts call: JSON logs, the domain (<see cref="MlRiskServiceCollectionExtensions.AddMlRiskCore"/>,
/// which also registers the serving ports over the lake and the registry) and the HTTP side.
/// </summary>
public static class MlRiskComposition
{
    public static IHostApplicationBuilder AddMlRisk(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMlRiskJsonLogging();
        builder.Services.AddMlRiskCore(builder.Configuration);
        builder.AddMlRiskServing();
        builder.Services.AddSingleton<OpenApiDocumentCache>();
        return builder;
    }
}
