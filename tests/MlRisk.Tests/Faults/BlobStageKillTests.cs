using Azure.Storage.Blobs;
using MlRisk.Core.Lake;
using MlRisk.Core.Lake.Blob;
using MlRisk.Core.Modeling;
using MlRisk.Tests.Lake.Blob;

namespace MlRisk.Tests.Faults;

/// <summary>
/// The crash tests on the blob backend (a real Azurite): SIGKILL of the real app in the middle of ingest, or in train
/// before the promotion, then a rerun once the dead run's lease has lapsed; the container validates and holds byte for
/// byte the partitions (and the registry the model) a filesystem run writes.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobStageKillTests(AzuriteFixture azurite) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mlrisk-blob-kill-" + Guid.NewGuid().ToString("N"));

    /// <summary>About a year of history: every blob is a round trip to Azurite, so a longer window costs minutes.</summary>
    private static readonly Dictionary<string, string> ShortHistory = new() { ["Sources__Synthetic__Start"] = "2025-09-02" };

    [AzuriteFact]
    public async Task A_run_killed_inside_ingest_on_blobs_then_rerun_equals_a_filesystem_run()
    {
        var reference = Path.Combine(_root, "filesystem");
        var (fsCode, fsErr) = await AppProcess.RunAsync(["run", "--until", "ingest", "--data", reference, "--artifacts", Path.Combine(_root, "fs-artifacts")],
            ShortHistory);
        Assert.True(fsCode == 0, fsErr);

        var container = AzuriteFixture.NewContainerName();
        var blob = BlobLake(container, ShortHistory);
        var artifacts = Path.Combine(_root, "blob-artifacts");
        using (var doomed = AppProcess.Start(["run", "--until", "ingest", "--artifacts", artifacts],
            new Dictionary<string, string>(blob) { [PausingFaultPoints.PartitionsVariable] = "raw.market:100" }))
        {
            await doomed.WaitUntilPausedAsync(TimeSpan.FromMinutes(2));
            await doomed.KillAsync();
        }
        var client = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(container);
        var afterCrash = await Published(client);
        Assert.Equal(100, afterCrash.Keys.Count(k => k.StartsWith(Datasets.RawMarket.Name + "/", StringComparison.Ordinal)));

        var (code, stderr) = await AppProcess.RunAsync(["run", "--until", "ingest", "--artifacts", artifacts], blob);
        Assert.True(code == 0, $"the rerun on blobs failed with {code}:\n{stderr}");
        var (validate, report) = await AppProcess.RunAsync(["validate", "--artifacts", artifacts], blob);
        Assert.True(validate == 0, report);

        var expected = LakeFiles.Published(reference);
        var actual = await Published(client);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(actual[file.Key]), $"{file.Key} differs between blob and filesystem"));
    }

    /// <summary>
    /// SIGKILL after train stored its model and before it promoted it, on blobs (registry in the artifacts container),
    /// then a rerun: the champion is the model a folder run trains, model.txt and cv_predictions.parquet byte for byte,
    /// the predictions too, and the local artifacts folder stays empty throughout.
    /// </summary>
    [AzuriteFact]
    public async Task A_run_killed_inside_train_on_blobs_then_rerun_promotes_the_model_a_folder_run_trains()
    {
        var reference = Path.Combine(_root, "filesystem");
        var referenceArtifacts = Path.Combine(_root, "fs-artifacts");
        var (fsCode, fsErr) = await AppProcess.RunAsync(["run", "--data", reference, "--artifacts", referenceArtifacts]);
        Assert.True(fsCode == 0, fsErr);

        var container = AzuriteFixture.NewContainerName();
        var client = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(container);
        await SeedAsync(client, reference, [Datasets.RawMarket, Datasets.CuratedMarketDaily, Datasets.FeaturesDaily, Datasets.LabelsDaily]);
        var blob = BlobLake(container, new Dictionary<string, string>());
        var artifacts = Path.Combine(_root, "blob-artifacts");
        using (var doomed = AppProcess.Start(["run", "--artifacts", artifacts],
            new Dictionary<string, string>(blob) { [PausingFaultPoints.PointVariable] = "train.before-promote" }))
        {
            await doomed.WaitUntilPausedAsync(TimeSpan.FromMinutes(2));
            await doomed.KillAsync();
        }
        var registry = azurite.OpenArtifacts(container);
        var afterCrash = await registry.ListAsync("models", CancellationToken.None);
        Assert.DoesNotContain($"models/{ModelRegistry.ChampionFile}", afterCrash);
        Assert.Single(afterCrash, p => p.EndsWith("/" + ModelRegistry.MetadataFile, StringComparison.Ordinal));

        var (code, stderr) = await AppProcess.RunAsync(["run", "--artifacts", artifacts], blob);
        Assert.True(code == 0, $"the rerun on blobs failed with {code}:\n{stderr}");
        var (validate, report) = await AppProcess.RunAsync(["validate", "--artifacts", artifacts], blob);
        Assert.True(validate == 0, report);

        // The blob registry laid out as a folder one, so the folder comparison applies as it is.
        var downloaded = Path.Combine(_root, "blob-registry");
        foreach (var (path, bytes) in await SyntheticLakesFixture.ModelFilesAsync(registry))
        {
            var file = Path.Combine(downloaded, "models", path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllBytesAsync(file, bytes);
        }
        LakeFiles.AssertSameChampion(referenceArtifacts, downloaded);
        var expected = LakeFiles.Published(reference);
        var actual = await Published(client);
        Assert.Equal(expected.Keys, actual.Keys);
        Assert.All(expected, file => Assert.True(file.Value.AsSpan().SequenceEqual(actual[file.Key]), $"{file.Key} differs between blob and filesystem"));
        Assert.False(Directory.Exists(artifacts) && Directory.EnumerateFileSystemEntries(artifacts, "*", SearchOption.AllDirectories).Any(),
            $"a blob run wrote to its local artifacts folder {artifacts}");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    /// <summary>
    /// The app's settings for the blob lake in <paramref name="container"/>: a short lease, so a rerun after a kill
    /// waits at most 15 s for the dead run's lock, and a lock wait longer than that.
    /// </summary>
    private Dictionary<string, string> BlobLake(string container, IReadOnlyDictionary<string, string> more) => new(more)
    {
        ["Lake__Backend"] = LakeOptions.BlobBackend,
        ["Lake__Blob__ConnectionString"] = azurite.ConnectionString,
        ["Lake__Blob__Container"] = container,
        ["Lake__Blob__LeaseSeconds"] = "15",
        ["Lake__LockWait"] = "00:01:30",
    };

    /// <summary>Uploads a folder lake's partitions of <paramref name="datasets"/> as they are: the stages that write them start done.</summary>
    private static async Task SeedAsync(BlobContainerClient client, string data, IReadOnlyList<DatasetContract> datasets)
    {
        await client.CreateIfNotExistsAsync();
        var files = LakeFiles.Published(data).Where(f => datasets.Any(d => f.Key.StartsWith(d.Name + "/", StringComparison.Ordinal)));
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (file, ct) => await client.GetBlobClient(file.Key).UploadAsync(BinaryData.FromBytes(file.Value), ct));
    }

    /// <summary>Every committed blob of the lake (the lock blob is not part of it).</summary>
    private static async Task<SortedDictionary<string, byte[]>> Published(BlobContainerClient client)
    {
        var blobs = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (var item in client.GetBlobsAsync())
        {
            if (item.Name == BlobLakeStorage.LockBlobName) continue;
            blobs[item.Name] = (await client.GetBlobClient(item.Name).DownloadContentAsync()).Value.Content.ToArray();
        }
        return blobs;
    }
}
