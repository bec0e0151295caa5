using Azure.Storage.Blobs;
using MlRisk.Core.Lake;
using MlRisk.Core.Lake.Blob;
using MlRisk.Tests.Lake.Blob;

namespace MlRisk.Tests.Faults;

/// <summary>
/// The crash test on the blob backend (a real Azurite): SIGKILL of the real app in the middle of ingest, then a
/// rerun once the dead run's lease has lapsed; the container validates and holds byte for byte the partitions a
/// filesystem run writes.
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
        var blob = new Dictionary<string, string>(ShortHistory)
        {
            ["Lake__Backend"] = LakeOptions.BlobBackend,
            ["Lake__Blob__ConnectionString"] = azurite.ConnectionString,
            ["Lake__Blob__Container"] = container,
            ["Lake__Blob__LeaseSeconds"] = "15",
            ["Lake__LockWait"] = "00:01:30",
        };
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

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
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
