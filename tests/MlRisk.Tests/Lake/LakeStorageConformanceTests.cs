using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake;

/// <summary>
/// What every <see cref="ILakeStorage"/> must do, run against each backend by a subclass, so the pipeline above
/// behaves the same on a folder and on blobs. Each test gets a lake of its own.
/// </summary>
public abstract class LakeStorageConformanceTests
{
    private const string PartitionPath = "raw.market/date=2020-03-16/part-00000.parquet";

    private ILakeStorage? _lake;

    /// <summary>A new client over this test's lake (every call reaches the same lake, as a second process would).</summary>
    protected abstract ILakeStorage OpenLake(TimeSpan lockWait);

    private ILakeStorage Lake => _lake ??= OpenLake(TimeSpan.FromSeconds(1));

    private static CancellationToken Ct => CancellationToken.None;

    [LakeStorageFact]
    public async Task Written_bytes_are_read_back_identically()
    {
        var small = new byte[] { 0x50, 0x41, 0x52, 0x31 };
        var large = new byte[3 * 1024 * 1024 + 17];
        new Random(7).NextBytes(large);

        Assert.True(await Lake.WriteNewAsync("labels_daily/date=2020-03-16/part-00000.parquet", small, Ct));
        Assert.True(await Lake.WriteNewAsync(PartitionPath, large, Ct));

        Assert.Equal(small, await Lake.ReadAsync("labels_daily/date=2020-03-16/part-00000.parquet", Ct));
        Assert.Equal(large, await OpenLake(TimeSpan.Zero).ReadAsync(PartitionPath, Ct));
    }

    [LakeStorageFact]
    public async Task Only_a_temp_file_can_be_removed_as_a_leftover()
    {
        Assert.True(await Lake.WriteNewAsync(PartitionPath, "kept"u8.ToArray(), Ct));
        const string leftover = "raw.market/date=2020-03-16/.tmp-crashed";
        Assert.True(await Lake.WriteNewAsync(leftover, "staged"u8.ToArray(), Ct));

        await Lake.RemoveLeftoverAsync(leftover, Ct);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Lake.RemoveLeftoverAsync(PartitionPath, Ct));

        Assert.Contains(PartitionPath, refused.Message);
        Assert.Equal([PartitionPath], await Lake.ListFilesAsync("raw.market", Ct));
    }

    [LakeStorageFact]
    public async Task A_stored_file_is_never_overwritten()
    {
        Assert.True(await Lake.WriteNewAsync(PartitionPath, "first"u8.ToArray(), Ct));

        Assert.False(await Lake.WriteNewAsync(PartitionPath, "second"u8.ToArray(), Ct));

        Assert.Equal("first"u8.ToArray(), await Lake.ReadAsync(PartitionPath, Ct));
    }

    [LakeStorageFact]
    public async Task Of_eight_concurrent_writers_of_one_file_exactly_one_wins_and_its_bytes_stay()
    {
        var writers = Enumerable.Range(0, 8).Select(i => OpenLake(TimeSpan.Zero)).ToArray();
        var contents = Enumerable.Range(0, 8).Select(i => Enumerable.Repeat((byte)('a' + i), 1000 + i).ToArray()).ToArray();

        var won = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => writers[i].WriteNewAsync(PartitionPath, contents[i], Ct))));

        var winner = Assert.Single(Enumerable.Range(0, 8), i => won[i]);
        Assert.Equal(contents[winner], await Lake.ReadAsync(PartitionPath, Ct));
    }

    [LakeStorageFact]
    public async Task A_staged_file_is_invisible_until_published()
    {
        var staged = await Lake.StageAsync(PartitionPath, "staged"u8.ToArray(), Ct);

        Assert.DoesNotContain(PartitionPath, await Lake.ListFilesAsync("raw.market", Ct));
        await Assert.ThrowsAnyAsync<IOException>(() => Lake.ReadAsync(PartitionPath, Ct));

        Assert.True(await Lake.PublishAsync(staged, Ct));
        Assert.Contains(PartitionPath, await Lake.ListFilesAsync("raw.market", Ct));
        Assert.Equal("staged"u8.ToArray(), await Lake.ReadAsync(PartitionPath, Ct));
    }

    [LakeStorageFact]
    public async Task A_staged_file_loses_to_one_published_meanwhile()
    {
        var late = await Lake.StageAsync(PartitionPath, "late"u8.ToArray(), Ct);
        Assert.True(await OpenLake(TimeSpan.Zero).WriteNewAsync(PartitionPath, "early"u8.ToArray(), Ct));

        Assert.False(await Lake.PublishAsync(late, Ct));

        Assert.Equal("early"u8.ToArray(), await Lake.ReadAsync(PartitionPath, Ct));
    }

    [LakeStorageFact]
    public async Task A_discarded_file_never_appears_and_the_path_stays_free()
    {
        var staged = await Lake.StageAsync(PartitionPath, "discarded"u8.ToArray(), Ct);

        await Lake.DiscardAsync(staged, Ct);

        Assert.DoesNotContain(PartitionPath, await Lake.ListFilesAsync("raw.market", Ct));
        Assert.True(await Lake.WriteNewAsync(PartitionPath, "kept"u8.ToArray(), Ct));
        Assert.Equal("kept"u8.ToArray(), await Lake.ReadAsync(PartitionPath, Ct));
    }

    [LakeStorageFact]
    public async Task Listing_a_dataset_returns_every_file_under_it_as_lake_relative_paths()
    {
        string[] inside = ["raw.market/date=2020-03-16/part-00000.parquet", "raw.market/date=2020-03-17/part-00000.parquet"];
        string[] outside = ["raw.market.old/date=2020-03-16/part-00000.parquet", "curated.market_daily/date=2020-03-16/part-00000.parquet"];
        foreach (var path in inside.Concat(outside)) Assert.True(await Lake.WriteNewAsync(path, "x"u8.ToArray(), Ct));

        var listed = await OpenLake(TimeSpan.Zero).ListFilesAsync("raw.market", Ct);

        Assert.Equal(inside, listed.Order(StringComparer.Ordinal));
    }

    [LakeStorageFact]
    public async Task Listing_an_absent_folder_is_empty()
    {
        Assert.Empty(await Lake.ListFilesAsync("features_daily", Ct));

        Assert.True(await Lake.WriteNewAsync(PartitionPath, "x"u8.ToArray(), Ct));
        Assert.Empty(await Lake.ListFilesAsync("features_daily", Ct));
    }

    [LakeStorageFact]
    public async Task Reading_a_missing_file_fails_naming_it()
    {
        Assert.True(await Lake.WriteNewAsync(PartitionPath, "x"u8.ToArray(), Ct));
        const string missing = "raw.market/date=2020-03-17/part-00000.parquet";

        var error = await Assert.ThrowsAnyAsync<IOException>(() => Lake.ReadAsync(missing, Ct));

        Assert.Contains(Lake.Describe(missing), error.Message);
    }

    [LakeStorageFact]
    public async Task A_held_run_lock_stops_a_second_run_with_an_error_naming_the_holder()
    {
        await using var first = await Lake.AcquireRunLockAsync("run 7f3a (manual)", Ct);

        var error = await Assert.ThrowsAsync<LakeLockedException>(
            () => OpenLake(TimeSpan.FromMilliseconds(500)).AcquireRunLockAsync("run 8b1c (timer)", Ct));

        Assert.Contains("run 7f3a (manual)", error.Message);
    }

    [LakeStorageFact]
    public async Task A_released_run_lock_lets_the_next_run_in()
    {
        var first = await Lake.AcquireRunLockAsync("run 1", Ct);
        await first.DisposeAsync();

        await using var second = await OpenLake(TimeSpan.Zero).AcquireRunLockAsync("run 2", Ct);

        var error = await Assert.ThrowsAsync<LakeLockedException>(() => OpenLake(TimeSpan.Zero).AcquireRunLockAsync("run 3", Ct));
        Assert.Contains("run 2", error.Message);
    }

    [LakeStorageFact]
    public async Task A_waiting_run_takes_the_lock_as_soon_as_the_holder_releases_it()
    {
        var first = await Lake.AcquireRunLockAsync("run 1", Ct);
        var waiting = OpenLake(TimeSpan.FromSeconds(20)).AcquireRunLockAsync("run 2", Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.False(waiting.IsCompleted);

        await first.DisposeAsync();

        await using var second = await waiting.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
