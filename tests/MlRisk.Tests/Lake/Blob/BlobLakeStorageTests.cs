using System.Diagnostics;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Time.Testing;
using MlRisk.Core.Lake;
using MlRisk.Core.Lake.Blob;
using MlRisk.Tests.Lake;

namespace MlRisk.Tests.Lake.Blob;

/// <summary>What is particular to the lake on blobs: names, the container, the lease's lifetime. Against a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobLakeStorageTests(AzuriteFixture azurite)
{
    private const string PartitionPath = "features_daily/date=2020-03-16/part-00000.parquet";

    private static CancellationToken Ct => CancellationToken.None;

    [AzuriteFact]
    public async Task A_partition_is_one_blob_named_by_the_hive_layout_in_a_container_created_on_first_write()
    {
        var container = AzuriteFixture.NewContainerName();
        var lake = azurite.OpenLake(container, TimeSpan.Zero);

        Assert.True(await lake.WriteNewAsync(PartitionPath, "PAR1"u8.ToArray(), Ct));

        var blobs = new List<string>();
        await foreach (var blob in azurite.Service.GetBlobContainerClient(container).GetBlobsAsync(BlobTraits.None, BlobStates.All, null, Ct))
        {
            blobs.Add(blob.Name);
        }
        Assert.Equal([PartitionPath], blobs);
        Assert.Equal($"http://127.0.0.1:{azurite.Port}/devstoreaccount1/{container}/{PartitionPath}", lake.Describe(PartitionPath));
    }

    [AzuriteFact]
    public async Task A_run_lock_holder_is_kept_in_the_lock_blob_while_held_and_cleared_on_release()
    {
        var container = AzuriteFixture.NewContainerName();
        var lake = azurite.OpenLake(container, TimeSpan.Zero);
        var lockBlob = azurite.Service.GetBlobContainerClient(container).GetBlobClient(BlobLakeStorage.LockBlobName);

        var held = await lake.AcquireRunLockAsync("run 42 – café (manual)", Ct);
        var whileHeld = (await lockBlob.GetPropertiesAsync(cancellationToken: Ct)).Value;
        await held.DisposeAsync();
        var afterRelease = (await lockBlob.GetPropertiesAsync(cancellationToken: Ct)).Value;

        Assert.Equal(LeaseState.Leased, whileHeld.LeaseState);
        Assert.StartsWith("run 42 – café (manual) (pid ", Uri.UnescapeDataString(whileHeld.Metadata["holder"]));
        Assert.Equal(LeaseState.Available, afterRelease.LeaseState);
        Assert.Empty(afterRelease.Metadata);
    }

    /// <summary>
    /// Takes about 17 s: Azurite's shortest lease is 15 s. A run whose clock is frozen never renews, which is what a
    /// killed process looks like to the service; a live run renews and keeps the lake past the lease's duration.
    /// </summary>
    [AzuriteFact]
    public async Task A_crashed_runs_lease_lapses_while_a_live_runs_lease_is_renewed()
    {
        const int leaseSeconds = 15;
        var liveLake = AzuriteFixture.NewContainerName();
        var crashedLake = AzuriteFixture.NewContainerName();
        await using var live = await azurite.OpenLake(liveLake, TimeSpan.Zero, leaseSeconds).AcquireRunLockAsync("live run", Ct);
        _ = await azurite.OpenLake(crashedLake, TimeSpan.Zero, leaseSeconds, new FakeTimeProvider()).AcquireRunLockAsync("crashed run", Ct);
        var clock = Stopwatch.StartNew();

        await using var successor = await azurite.OpenLake(crashedLake, TimeSpan.FromSeconds(40)).AcquireRunLockAsync("next run", Ct);
        var tookOverAfter = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var blocked = await Assert.ThrowsAsync<LakeLockedException>(() => azurite.OpenLake(liveLake, TimeSpan.Zero).AcquireRunLockAsync("intruder", Ct));

        Assert.InRange(tookOverAfter, TimeSpan.FromSeconds(leaseSeconds - 3), TimeSpan.FromSeconds(leaseSeconds + 10));
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(leaseSeconds + 1), $"only {clock.Elapsed} passed; the live lease was not tested beyond its duration");
        Assert.Contains("live run", blocked.Message);
    }
}
