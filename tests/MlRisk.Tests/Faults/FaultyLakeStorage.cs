using MlRisk.Core.Lake;

namespace MlRisk.Tests.Faults;

/// <summary>The failures the operating system gives a lake on a full disk or a read-only mount.</summary>
public enum StorageFault
{
    /// <summary>Staging fails with ENOSPC once this many bytes were staged.</summary>
    DiskFullWhileStaging,

    /// <summary>The rename that publishes a partition fails with ENOSPC after a number of publishes.</summary>
    DiskFullOnPublish,

    /// <summary>Every write is refused, as on a read-only mount.</summary>
    ReadOnly,
}

/// <summary>
/// A real lake storage with a fault injected underneath it: the exceptions are the ones .NET raises for ENOSPC
/// and EACCES/EROFS, with the path in the message as the runtime writes it.
/// </summary>
public sealed class FaultyLakeStorage(ILakeStorage inner, StorageFault fault, long limit) : ILakeStorage
{
    private long _staged;
    private long _published;

    public string Describe(string path) => inner.Describe(path);

    public Task<IReadOnlyList<string>> ListFilesAsync(string folder, CancellationToken ct) => inner.ListFilesAsync(folder, ct);

    public Task<byte[]> ReadAsync(string path, CancellationToken ct) => inner.ReadAsync(path, ct);

    public Task<StagedFile> StageAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        if (fault == StorageFault.ReadOnly)
        {
            throw new UnauthorizedAccessException($"Access to the path '{inner.Describe(path)}' is denied.");
        }
        if (fault == StorageFault.DiskFullWhileStaging && Interlocked.Add(ref _staged, content.Length) > limit)
        {
            throw new IOException($"No space left on device : '{inner.Describe(path)}'");
        }
        return inner.StageAsync(path, content, ct);
    }

    public async Task<bool> PublishAsync(StagedFile staged, CancellationToken ct)
    {
        if (fault == StorageFault.DiskFullOnPublish && Interlocked.Increment(ref _published) > limit)
        {
            await inner.DiscardAsync(staged, ct);
            throw new IOException($"No space left on device : '{inner.Describe(staged.Path)}'");
        }
        return await inner.PublishAsync(staged, ct);
    }

    public Task DiscardAsync(StagedFile staged, CancellationToken ct) => inner.DiscardAsync(staged, ct);

    public Task RemoveLeftoverAsync(string path, CancellationToken ct) => inner.RemoveLeftoverAsync(path, ct);

    public Task<IAsyncDisposable> AcquireRunLockAsync(string holder, CancellationToken ct) => inner.AcquireRunLockAsync(holder, ct);
}
