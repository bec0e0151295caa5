using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MlRisk.Core.Lake.Blob;

/// <summary>Puts the lake on Azure Blob Storage.</summary>
public static class BlobLakeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="BlobLakeStorage"/> as the <see cref="ILakeStorage"/> and <see cref="BlobArtifactStore"/> as the
    /// <see cref="IArtifactStore"/> (model registry and run summaries), replacing any storage registered before (so the
    /// call order relative to AddMlRiskPipeline does not matter), with its "Lake:Blob" settings validated when the host
    /// starts. Settings: Lake:Blob:ConnectionString (required), Lake:Blob:Container (default mlrisk-lake),
    /// Lake:Blob:ArtifactsContainer (default the lake's container + "-artifacts"), Lake:Blob:LeaseSeconds (15-60, default 60);
    /// as environment variables Lake__Blob__ConnectionString and so on. How long a run waits for another run's lock is
    /// Lake:LockWait, the same setting as on the folder backend; an unset Lake:Parallelism becomes
    /// <see cref="BlobLakeOptions.DefaultParallelism"/>.
    /// </summary>
    public static IServiceCollection AddMlRiskBlobLake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BlobLakeOptions>().Bind(configuration.GetSection(BlobLakeOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BlobLakeOptions>, BlobLakeOptionsValidator>());
        services.PostConfigure<LakeOptions>(o =>
        {
            if (o.Parallelism == 0) o.Parallelism = BlobLakeOptions.DefaultParallelism;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.Replace(ServiceDescriptor.Singleton<ILakeStorage, BlobLakeStorage>());
        // The registry and the run summaries go to the same account: a Functions instance's disk is not shared nor kept.
        services.Replace(ServiceDescriptor.Singleton<IArtifactStore, BlobArtifactStore>());
        return services;
    }
}
