using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MlRisk.Core.Lake;
using MlRisk.Core.Pipeline;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MlRisk.Tests.Lake.Blob;

/// <summary>
/// The whole pipeline run once on a folder lake and once on a blob lake in a real Azurite (its own process), same
/// settings and frozen clock; keeps both runs' summaries, wall times, every partition's bytes and every model file
/// (from the artifacts folder of the folder run, from the artifacts container of the blob run).
/// </summary>
public sealed class SyntheticLakesFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private readonly string _root = Directory.CreateTempSubdirectory("mlrisk-blobpipe-").FullName;

    public AzuriteFixture Azurite { get; } = new(diagnostics);

    public string BlobContainer { get; } = AzuriteFixture.NewContainerName();

    public string FileSystemRoot => Path.Combine(_root, "filesystem");

    public string BlobRoot => Path.Combine(_root, "blob");

    public LakeRun FileSystem { get; private set; } = LakeRun.None;

    public LakeRun OnBlobs { get; private set; } = LakeRun.None;

    public Dictionary<string, string?> BlobSettings => SyntheticPipeline.BlobSettings(BlobRoot, Azurite.ConnectionString, BlobContainer);

    public async Task InitializeAsync()
    {
        if (AzuriteInstall.SkipReason is not null) return;
        await Azurite.InitializeAsync();
        var folderArtifacts = new FileSystemArtifactStore(Path.Combine(FileSystemRoot, "artifacts"));
        FileSystem = await RunAsync(SyntheticPipeline.Settings(FileSystemRoot), folderArtifacts);
        OnBlobs = await RunAsync(BlobSettings, Azurite.OpenArtifacts(BlobContainer));
        diagnostics.OnMessage(new DiagnosticMessage(
            $"Synthetic pipeline, {FileSystem.Partitions.Count} partitions: filesystem {FileSystem.WallTime.TotalSeconds:0.0} s, "
            + $"blob (Azurite) {OnBlobs.WallTime.TotalSeconds:0.0} s"));
    }

    public async Task DisposeAsync()
    {
        await Azurite.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Every partition of every dataset, by lake path, as stored.</summary>
    public static async Task<SortedDictionary<string, byte[]>> PartitionsAsync(ILakeStorage lake)
    {
        var partitions = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var dataset in Datasets.All)
        {
            foreach (var path in await lake.ListFilesAsync(dataset.Name, CancellationToken.None))
            {
                partitions[path] = await lake.ReadAsync(path, CancellationToken.None);
            }
        }
        return partitions;
    }

    /// <summary>Every file of the registry (models/…) in <paramref name="artifacts"/>, by its path under models/.</summary>
    public static async Task<SortedDictionary<string, byte[]>> ModelFilesAsync(IArtifactStore artifacts)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in await artifacts.ListAsync("models", CancellationToken.None))
        {
            files[path["models/".Length..]] = (await artifacts.ReadAsync(path, CancellationToken.None))!;
        }
        return files;
    }

    private static async Task<LakeRun> RunAsync(Dictionary<string, string?> settings, IArtifactStore artifacts)
    {
        var clock = Stopwatch.StartNew();
        using var host = await SyntheticPipeline.StartAsync(settings, new FrozenWallClock(SyntheticPipeline.Now));
        var runner = host.Services.GetRequiredService<PipelineRunner>();
        var summary = await runner.RunAsync(runner.Stages, "test", CancellationToken.None);
        var wallTime = clock.Elapsed;
        await host.StopAsync();

        var partitions = await PartitionsAsync(host.Services.GetRequiredService<ILakeStorage>());
        return new LakeRun(summary, wallTime, partitions, await ModelFilesAsync(artifacts));
    }
}
