namespace MlRisk.Core.Lake;

/// <summary>
/// Where the lake's files live. Paths are relative to the lake root and use '/' separators
/// (e.g. <c>raw.market/date=2020-03-16/part-00000.parquet</c>), so a blob container can stand in for the folder.
/// </summary>
public interface ILakeStorage
{
    /// <summary>Where a relative path lives, for error messages (a full path or a URL).</summary>
    string Describe(string path);

    /// <summary>Every file under <paramref name="folder"/>, recursively, as paths relative to the lake root; empty when the folder is absent.</summary>
    Task<IReadOnlyList<string>> ListFilesAsync(string folder, CancellationToken ct);

    Task<byte[]> ReadAsync(string path, CancellationToken ct);

    /// <summary>
    /// First half of an atomic write: stores <paramref name="content"/> under a temporary name that readers
    /// ignore. Nothing is visible at <paramref name="path"/> until <see cref="PublishAsync"/>.
    /// </summary>
    Task<StagedFile> StageAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct);

    /// <summary>
    /// Second half: makes the staged file visible at its path in one step, only if no file is there.
    /// Returns false, discarding the staged copy, when the path already exists: the lake never overwrites.
    /// </summary>
    Task<bool> PublishAsync(StagedFile staged, CancellationToken ct);

    /// <summary>Removes a staged file that will not be published.</summary>
    Task DiscardAsync(StagedFile staged, CancellationToken ct);

    /// <summary>
    /// Deletes a leftover of an interrupted write: a temp-named file (<c>.tmp-*</c>) that <see cref="ListFilesAsync"/>
    /// returned. Refuses any other name, so a partition can never be removed this way. Call it only while holding
    /// the run lock, when no writer can be staging that file.
    /// </summary>
    Task RemoveLeftoverAsync(string path, CancellationToken ct);

    /// <summary>
    /// Takes the lake's exclusive run lock for <paramref name="holder"/>, waiting briefly for another holder to finish;
    /// throws <see cref="LakeLockedException"/> naming the current holder when the wait runs out. Dispose to release.
    /// </summary>
    Task<IAsyncDisposable> AcquireRunLockAsync(string holder, CancellationToken ct);
}
