namespace MlRisk.Core.Lake;

/// <summary>
/// Artifacts in a folder. A folder write goes to a <c>.tmp-*</c> sibling and is renamed into place, and a file
/// replace to a <c>.tmp-*</c> file renamed over the target, so a reader never sees half of either; what a killed
/// writer leaves is only those <c>.tmp-*</c> entries.
/// </summary>
public sealed class FileSystemArtifactStore(string root) : IArtifactStore
{
    public string Describe(string path) => Path.Combine(root, path.Replace('/', Path.DirectorySeparatorChar));

    public async Task<byte[]?> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            return await File.ReadAllBytesAsync(Describe(path), ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Last write time and length: a replace renames a new file into place, so the stamp changes with it.</summary>
    public Task<ArtifactStamp?> StampAsync(string path, CancellationToken ct)
    {
        var file = new FileInfo(Describe(path));
        return Task.FromResult<ArtifactStamp?>(file.Exists ? new ArtifactStamp($"{file.LastWriteTimeUtc.Ticks}/{file.Length}") : null);
    }

    public Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken ct)
    {
        var full = Describe(folder);
        IReadOnlyList<string> files = Directory.Exists(full)
            ? [.. Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))]
            : [];
        return Task.FromResult(files);
    }

    public async Task<bool> WriteFolderAsync(string folder, IReadOnlyList<ArtifactFile> files, CancellationToken ct)
    {
        var target = Describe(folder);
        if (File.Exists(Path.Combine(target, files[^1].Name))) return false;
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temporary = Path.Combine(parent, $"{TempFiles.Prefix}{Path.GetFileName(target)}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temporary);
        try
        {
            foreach (var file in files) await File.WriteAllBytesAsync(Path.Combine(temporary, file.Name), file.Content, ct);
            Directory.Move(temporary, target);
            return true;
        }
        catch
        {
            Directory.Delete(temporary, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// The stamp is compared before the rename, not atomically with it: a folder has no compare-and-swap, and
    /// writers are kept apart by the run lock. Without an expected stamp the rename itself refuses an existing file.
    /// </summary>
    public async Task<bool> ReplaceAsync(string path, ReadOnlyMemory<byte> content, ArtifactStamp? expected, CancellationToken ct)
    {
        var target = Describe(path);
        var folder = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $"{TempFiles.Prefix}{Path.GetFileName(target)}-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(temporary, content, ct);
        try
        {
            if (await StampAsync(path, ct) != expected) return false;
            File.Move(temporary, target, overwrite: expected is not null);
            return true;
        }
        catch (IOException) when (expected is null && File.Exists(target))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>A folder appears only by its rename, so the <c>.tmp-*</c> entries are all a killed writer leaves; the marker is not needed here.</summary>
    public Task RemoveLeftoversAsync(string folder, string marker, CancellationToken ct)
    {
        var full = Describe(folder);
        if (!Directory.Exists(full)) return Task.CompletedTask;
        foreach (var entry in Directory.GetDirectories(full, TempFiles.Prefix + "*")) Directory.Delete(entry, recursive: true);
        foreach (var entry in Directory.GetFiles(full, TempFiles.Prefix + "*")) File.Delete(entry);
        return Task.CompletedTask;
    }
}
