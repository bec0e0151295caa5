using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MlRisk.Core.Lake;
using MlRisk.Core.Observability;
using MlRisk.Core.Serving;

namespace MlRisk.Core.Pipeline;

/// <summary>
/// Registers the lake, the data stages, the runner and the serving ports it implements (IPipelineTrigger,
/// IRunSummaryReader). Market sources come from AddMlRiskSources.
/// </summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddMlRiskPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LakeOptions>().Bind(configuration.GetSection(LakeOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataPath), $"{LakeOptions.Section}:{nameof(LakeOptions.DataPath)} must name the data folder")
            .Validate(o => o.LockWait >= TimeSpan.Zero, $"{LakeOptions.Section}:{nameof(LakeOptions.LockWait)} must not be negative")
            .Validate(o => o.Parallelism >= 0, $"{LakeOptions.Section}:{nameof(LakeOptions.Parallelism)} must be 0 (one per processor) or more")
            .ValidateOnStart();
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section))
            .Validate(o => o.Source is "synthetic" or "csv" or "live", $"{PipelineOptions.Section}:{nameof(PipelineOptions.Source)} must be synthetic, csv or live")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ArtifactsPath), $"{PipelineOptions.Section}:{nameof(PipelineOptions.ArtifactsPath)} must name the artifacts folder")
            .Validate(o => o.IngestOverlapSessions >= 1, $"{PipelineOptions.Section}:{nameof(PipelineOptions.IngestOverlapSessions)} must be at least 1")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILakeStorage, FileSystemLakeStorage>();
        services.TryAddSingleton<LakeReader>();
        services.TryAddSingleton<PartitionWriter>();
        services.TryAddSingleton<LakeValidator>();
        services.TryAddSingleton<IRunSummaryStore, FileSystemRunSummaryStore>();
        services.TryAddSingleton<IPipelineRunner, PipelineRunner>();
        services.TryAddSingleton<IPipelineTrigger, PipelineTrigger>();
        services.TryAddSingleton<IRunSummaryReader, LatestRunSummaryReader>();

        services.AddMlRiskStage<IngestStage>();
        services.AddMlRiskStage<FeaturesStage>();
        services.AddMlRiskStage<LabelsStage>();
        return services;
    }

    /// <summary>Adds a stage the runner can run by its <see cref="IStage.Name"/> (train and infer plug in here).</summary>
    public static IServiceCollection AddMlRiskStage<TStage>(this IServiceCollection services)
        where TStage : class, IStage
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStage, TStage>());
        return services;
    }
}
