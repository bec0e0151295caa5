namespace MlRisk.Core.Lake;

/// <summary>
/// Where the model registry and the run summaries keep their files: a folder (<see cref="FileSystemArtifactStore"/>)
/// or a blob container (<see cref="Blob.BlobArtifactStore"/>). Paths are relative with '/' separators
/// (<c>models/&lt;version&gt;/model.txt</c>), as in <see cref="ILakeStorage"/>. Every write is whole or absent to a reader;
/// the writers (train, the run summary) run under the lake's run lock.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Where a relative path lives, for messages (a full path or a URL).</summary>
    string Describe(string path);

    /// <summary>The file's bytes, or null when there is no such file.</summary>
    Task<byte[]?> ReadAsync(string path, CancellationToken ct);

    /// <summary>A cheap change marker of the file (one stat or HEAD, no read), or null when it is absent.</summary>
    Task<ArtifactStamp?> StampAsync(string path, CancellationToken ct);

    /// <summary>Every file under <paramref name="folder"/>, recursively, as relative paths; empty when there is none.</summary>
    Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken ct);

    /// <summary>
    /// Writes <paramref name="files"/> (names inside <paramref name="folder"/>) as one unit that readers see only once
    /// its last file, the commit marker, is there; returns false and writes nothing when that marker already exists.
    /// </summary>
    Task<bool> WriteFolderAsync(string folder, IReadOnlyList<ArtifactFile> files, CancellationToken ct);

    /// <summary>
    /// Replaces a single file whole, only when it still carries <paramref name="expected"/>, or, when that is null,
    /// only when it does not exist; false (nothing written) when the condition fails.
    /// </summary>
    Task<bool> ReplaceAsync(string path, ReadOnlyMemory<byte> content, ArtifactStamp? expected, CancellationToken ct);

    /// <summary>
    /// Removes what an interrupted <see cref="WriteFolderAsync"/> or <see cref="ReplaceAsync"/> left under
    /// <paramref name="folder"/>: sub-folders without their <paramref name="marker"/> file. Call it only under the run lock.
    /// </summary>
    Task RemoveLeftoversAsync(string folder, string marker, CancellationToken ct);
}

/// <summary>One file of a <see cref="IArtifactStore.WriteFolderAsync"/>.</summary>
public sealed record ArtifactFile(string Name, ReadOnlyMemory<byte> Content);

/// <summary>What <see cref="IArtifactStore.StampAsync"/> returns: an ETag on blobs, the write time and length of a file.</summary>
public readonly record struct ArtifactStamp(string Value);
