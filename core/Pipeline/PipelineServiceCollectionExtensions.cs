using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlRisk.Core.Lake;
using MlRisk.Core.Sources;
using MlRisk.Core.Modeling;
using MlRisk.Core.Monitoring;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Pipeline;

/// <summary>
/// Registers the pipeline: its settings (section <c>Pipeline</c>), the six stages, the runner, the trigger the
/// timers call, the run summaries and the model registry on the artifact store (the artifacts folder, or the blob
/// container of the blob lake). The stages need the lake
/// (AddMlRiskLake), the market sources (AddMlRiskSources) and the modeling services (AddMlRiskModeling).
/// </summary>
public static class PipelineServiceCollectionExtensions
{
    public static IServiceCollection AddMlRiskPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>().Bind(configuration.GetSection(PipelineOptions.Section))
            .Validate(o => MarketSourceKinds.All.Contains(o.Source),
                $"{PipelineOptions.Section}:{nameof(PipelineOptions.Source)} must be one of {string.Join(", ", MarketSourceKinds.All)}")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ArtifactsPath), $"{PipelineOptions.Section}:{nameof(PipelineOptions.ArtifactsPath)} must name the artifacts folder")
            .Validate(o => o.IngestOverlapSessions >= 1, $"{PipelineOptions.Section}:{nameof(PipelineOptions.IngestOverlapSessions)} must be at least 1")
            .ValidateOnStart();

        services.AddOptions<RetrainOptions>().Bind(configuration.GetSection(RetrainOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.Section)).ValidateDataAnnotations()
            .Validate(o => o.PsiWarn <= o.PsiAlert, $"{MonitoringOptions.Section}:{nameof(MonitoringOptions.PsiWarn)} must not exceed {nameof(MonitoringOptions.PsiAlert)}")
            .Validate(o => o.StatusIgnoresDriftOf.All(f => FeatureNames.IndexOf(f) >= 0),
                $"{MonitoringOptions.Section}:{nameof(MonitoringOptions.StatusIgnoresDriftOf)} may name only features: {string.Join(", ", FeatureNames.All)}")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        // The blob lake (AddMlRiskBlobLake) replaces this store with its artifacts container.
        services.TryAddSingleton<IArtifactStore>(sp =>
            new FileSystemArtifactStore(Path.GetFullPath(sp.GetRequiredService<IOptions<PipelineOptions>>().Value.ArtifactsPath)));
        services.TryAddSingleton(sp => new ModelRegistry(sp.GetRequiredService<IArtifactStore>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IRunSummaryStore, ArtifactRunSummaryStore>();
        services.TryAddSingleton<DecodedSnapshotReader>();
        services.TryAddSingleton<MonitorReportStore>();
        services.TryAddSingleton<MonitorReferenceStore>();
        services.TryAddSingleton<RetrainPolicy>();
        services.TryAddSingleton<PipelineRunner>();
        services.TryAddSingleton<IPipelineTrigger, PipelineTrigger>();

        services.AddMlRiskStage<IngestStage>();
        services.AddMlRiskStage<FeaturesStage>();
        services.AddMlRiskStage<LabelsStage>();
        services.AddMlRiskStage<TrainStage>();
        services.AddMlRiskStage<InferStage>();
        services.AddMlRiskStage<MonitorStage>();
        return services;
    }

    /// <summary>Adds a stage the runner can run by its <see cref="IStage.Name"/>.</summary>
    public static IServiceCollection AddMlRiskStage<TStage>(this IServiceCollection services)
        where TStage : class, IStage
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStage, TStage>());
        return services;
    }
}
