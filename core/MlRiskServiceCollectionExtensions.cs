using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlRisk.Core.Calendar;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Sources;

namespace MlRisk.Core;

/// <summary>
/// Everything a pipeline run needs, for every host (the command line, the standalone host and the Functions
/// worker): the clock, the lake on the configured backend, the market sources, the modeling services and the pipeline.
/// The hosts that serve HTTP add <see cref="Serving.ServingRegistration.AddMlRiskServing"/>.
/// </summary>
public static class MlRiskServiceCollectionExtensions
{
    public static IServiceCollection AddMlRiskCore(this IServiceCollection services, IConfiguration configuration) => services
        .AddMlRiskClock(configuration)
        .AddMlRiskLake(configuration)
        .AddMlRiskSources(configuration)
        .AddMlRiskModeling(configuration)
        .AddMlRiskPipeline(configuration);
}
