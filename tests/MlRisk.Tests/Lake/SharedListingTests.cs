using Microsoft.Extensions.DependencyInjection;
using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake;

public sealed class SharedListingTests
{
    [Fact]
    public async Task Inside_a_shared_scope_a_dataset_is_walked_once()
    {
        using var lake = CountingLake(out var storage);
        await lake.Writer.WriteAsync(Datasets.RawMarket, SampleRows.Raw(), default);
        storage.Listings = 0;

        using (lake.RunCache.BeginRun())
        {
            var first = await lake.Reader.ListAsync(Datasets.RawMarket, default);
            var second = await lake.Reader.ListAsync(Datasets.RawMarket, default);
            Assert.Same(first, second);
            Assert.Equal([SampleRows.Day1, SampleRows.Day2], second.Dates);
        }

        Assert.Equal(1, storage.Listings);
    }

    [Fact]
    public async Task Without_a_scope_every_listing_walks_the_folder()
    {
        using var lake = CountingLake(out var storage);

        await lake.Reader.ListAsync(Datasets.RawMarket, default);
        await lake.Reader.ListAsync(Datasets.RawMarket, default);

        Assert.Equal(2, storage.Listings);
    }

    [Fact]
    public async Task A_write_inside_the_scope_is_seen_by_the_next_listing()
    {
        using var lake = CountingLake(out _);
        using var scope = lake.RunCache.BeginRun();
        var before = await lake.Reader.ListAsync(Datasets.RawMarket, default);

        await lake.Writer.WriteAsync(Datasets.RawMarket, SampleRows.Raw(), default);

        Assert.Empty(before.Dates);
        Assert.Equal([SampleRows.Day1, SampleRows.Day2], (await lake.Reader.ListAsync(Datasets.RawMarket, default)).Dates);
    }

    [Fact]
    public async Task A_listing_taken_while_a_write_publishes_is_not_shared()
    {
        using var lake = CountingLake(out var storage);
        using var scope = lake.RunCache.BeginRun();
        storage.DuringListing = () => lake.RunCache.FilesChanged(Datasets.RawMarket);
        await lake.Reader.ListAsync(Datasets.RawMarket, default);
        storage.DuringListing = null;

        await lake.Reader.ListAsync(Datasets.RawMarket, default);
        await lake.Reader.ListAsync(Datasets.RawMarket, default);

        Assert.Equal(2, storage.Listings);
    }

    private static TestLake CountingLake(out CountingStorage storage)
    {
        CountingStorage? counting = null;
        var lake = new TestLake(services => services
            .AddSingleton<FileSystemLakeStorage>()
            .AddSingleton<ILakeStorage>(sp => counting = new CountingStorage(sp.GetRequiredService<FileSystemLakeStorage>())));
        _ = lake.Storage;
        storage = counting!;
        return lake;
    }

    /// <summary>The real folder storage, counting the folder walks and able to act in the middle of one.</summary>
    private sealed class CountingStorage(ILakeStorage inner) : ILakeStorage
    {
        public int Listings;

        public Action? DuringListing { get; set; }

        public string Describe(string path) => inner.Describe(path);

        public async Task<IReadOnlyList<string>> ListFilesAsync(string folder, CancellationToken ct)
        {
            Interlocked.Increment(ref Listings);
            var files = await inner.ListFilesAsync(folder, ct);
            DuringListing?.Invoke();
            return files;
        }

        public Task<byte[]> ReadAsync(string path, CancellationToken ct) => inner.ReadAsync(path, ct);

        public Task<StagedFile> StageAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct) => inner.StageAsync(path, content, ct);

        public Task<bool> PublishAsync(StagedFile staged, CancellationToken ct) => inner.PublishAsync(staged, ct);

        public Task DiscardAsync(StagedFile staged, CancellationToken ct) => inner.DiscardAsync(staged, ct);

        public Task RemoveLeftoverAsync(string path, CancellationToken ct) => inner.RemoveLeftoverAsync(path, ct);

        public Task<IAsyncDisposable> AcquireRunLockAsync(string holder, CancellationToken ct) => inner.AcquireRunLockAsync(holder, ct);
    }
}
