using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MlRisk.Core.Lake.Blob;

namespace MlRisk.Core.Lake;

/// <summary>Registers the lake: its settings (section <c>Lake</c>), the storage of the configured backend, and its reader, writer and validator.</summary>
public static class LakeServiceCollectionExtensions
{
    public static IServiceCollection AddMlRiskLake(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LakeOptions>().Bind(configuration.GetSection(LakeOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.DataPath), $"{LakeOptions.Section}:{nameof(LakeOptions.DataPath)} must name the data folder")
            .Validate(o => o.LockWait >= TimeSpan.Zero, $"{LakeOptions.Section}:{nameof(LakeOptions.LockWait)} must not be negative")
            .Validate(o => o.Parallelism >= 0, $"{LakeOptions.Section}:{nameof(LakeOptions.Parallelism)} must be 0 (one per processor) or more")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILakeStorage, FileSystemLakeStorage>();
        services.TryAddSingleton<LakeRunCache>();
        services.TryAddSingleton<LakeReader>();
        services.TryAddSingleton<PartitionWriter>();
        services.TryAddSingleton<LakeValidator>();
        if (PausingFaultPoints.FromConfiguration(configuration) is { } pausing) services.Replace(ServiceDescriptor.Singleton<IFaultPoints>(pausing));
        else services.TryAddSingleton<IFaultPoints, NoFaultPoints>();

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
        return services;
    }
}
