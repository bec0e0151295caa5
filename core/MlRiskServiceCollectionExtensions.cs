using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlRisk.Core.Lake;
using MlRisk.Core.Lake.Blob;
using MlRisk.Core.Modeling;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Serving;
using MlRisk.Core.Sources;

namespace MlRisk.Core;

/// <summary>
/// Everything the domain needs, for every host (the command line, the standalone host and the Functions worker):
/// the lake on the configured backend, the market sources, the five stages, the model registry on the
/// artifacts folder, and the serving ports over the lake and the registry.
/// </summary>
public static class MlRiskServiceCollectionExtensions
{
    public static IServiceCollection AddMlRiskCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMlRiskPipeline(configuration);
        var backend = configuration[$"{LakeOptions.Section}:{nameof(LakeOptions.Backend)}"] ?? LakeOptions.FileSystemBackend;
        switch (backend)
        {
            case LakeOptions.FileSystemBackend:
                break;
            case LakeOptions.BlobBackend:
                services.AddMlRiskBlobLake(configuration);
                break;
            default:
                throw new OptionsValidationException(LakeOptions.Section, typeof(LakeOptions),
                    [$"Setting '{LakeOptions.Section}:{nameof(LakeOptions.Backend)}' is '{backend}'; use '{LakeOptions.FileSystemBackend}' or '{LakeOptions.BlobBackend}'."]);
        }

        services.AddMlRiskSources(configuration);
        services.AddMlRiskModeling(configuration);
        services.TryAddSingleton(sp => new ModelRegistry(
            Path.GetFullPath(sp.GetRequiredService<IOptions<PipelineOptions>>().Value.ArtifactsPath), sp.GetRequiredService<TimeProvider>()));
        services.AddMlRiskStage<TrainStage>();
        services.AddMlRiskStage<InferStage>();

        services.TryAddSingleton<IForecastReader, LakeForecastReader>();
        services.TryAddSingleton<IChampionModel, RegistryChampionModel>();
        return services;
    }
}
