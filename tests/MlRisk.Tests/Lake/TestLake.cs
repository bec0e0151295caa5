using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MlRisk.Core.Lake;
using MlRisk.Core.Pipeline;

namespace MlRisk.Tests.Lake;

/// <summary>A lake in a fresh temp folder with the pipeline's services and its three data stages; deleted on dispose.</summary>
public sealed class TestLake : IDisposable
{
    private readonly ServiceProvider _services;

    public TestLake(Action<IServiceCollection>? configure = null, IDictionary<string, string?>? settings = null)
        : this((services, _) => configure?.Invoke(services), settings)
    {
    }

    /// <summary>A lake whose extra registrations need the test's configuration (e.g. AddMlRiskSources).</summary>
    public TestLake(Action<IServiceCollection, IConfiguration> configure, IDictionary<string, string?>? settings = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "mlrisk-lake-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        var values = new Dictionary<string, string?>
        {
            ["Lake:DataPath"] = DataPath,
            ["Lake:LockWait"] = "00:00:00.200",
            ["Pipeline:ArtifactsPath"] = ArtifactsPath,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddMlRiskLake(configuration);
        services.AddMlRiskPipeline(configuration);
        // The data stages only: a test that needs train, infer or monitor adds them (or stand-ins) itself.
        Type[] modelStages = [typeof(TrainStage), typeof(InferStage), typeof(MonitorStage)];
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (modelStages.Contains(services[i].ImplementationType)) services.RemoveAt(i);
        }
        configure(services, configuration);
        _services = services.BuildServiceProvider();
    }

    public string Root { get; }

    public string DataPath => Path.Combine(Root, "data");

    public string ArtifactsPath => Path.Combine(Root, "artifacts");

    public IServiceProvider Services => _services;

    public LakeReader Reader => _services.GetRequiredService<LakeReader>();

    public LakeRunCache RunCache => _services.GetRequiredService<LakeRunCache>();

    public PartitionWriter Writer => _services.GetRequiredService<PartitionWriter>();

    public ILakeStorage Storage => _services.GetRequiredService<ILakeStorage>();

    public string FileOf(DatasetContract dataset, DateOnly date) =>
        Path.Combine(DataPath, dataset.PartitionFile(date).Replace('/', Path.DirectorySeparatorChar));

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(Root, recursive: true);
    }
}
