using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace MlRisk.Core.Lake.Blob;

/// <summary>
/// Artifacts in their own blob container (<see cref="BlobLakeOptions.EffectiveArtifactsContainer"/>), for hosts whose
/// local disk is neither shared nor kept. Each file is one blob uploaded in one request, which the service applies
/// whole. A folder has no atomic rename on blobs, so <see cref="WriteFolderAsync"/> uploads its files first and its
/// commit marker last, every one with <c>If-None-Match: *</c>: a folder whose marker is missing is invisible to the
/// registry and is what <see cref="RemoveLeftoversAsync"/> deletes. <see cref="ReplaceAsync"/> is conditional on the
/// ETag read before (<c>If-Match</c>), so a replace never loses a write it did not see.
/// </summary>
public sealed class BlobArtifactStore : IArtifactStore
{
    private readonly BlobContainerClient _container;
    private volatile bool _containerReady;

    public BlobArtifactStore(IOptions<BlobLakeOptions> options)
    {
        var settings = options.Value;
        _container = new BlobServiceClient(settings.ConnectionString).GetBlobContainerClient(settings.EffectiveArtifactsContainer);
    }

    public string Describe(string path) => $"{_container.Uri.AbsoluteUri.TrimEnd('/')}/{path}";

    public async Task<byte[]?> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            return (await _container.GetBlobClient(path).DownloadContentAsync(ct)).Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (IsNotFound(e))
        {
            return null;
        }
        catch (Exception e) when (BlobLakeStorage.IsServiceFailure(e))
        {
            throw Failure("read", path, e);
        }
    }

    public async Task<ArtifactStamp?> StampAsync(string path, CancellationToken ct)
    {
        try
        {
            return new ArtifactStamp((await _container.GetBlobClient(path).GetPropertiesAsync(cancellationToken: ct)).Value.ETag.ToString());
        }
        catch (RequestFailedException e) when (IsNotFound(e))
        {
            return null;
        }
        catch (Exception e) when (BlobLakeStorage.IsServiceFailure(e))
        {
            throw Failure("read the properties of", path, e);
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(string folder, CancellationToken ct)
    {
        var names = new List<string>();
        try
        {
            // The trailing '/' keeps folder "models" from matching a sibling "models-old".
            await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, folder.Trim('/') + "/", ct)) names.Add(blob.Name);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return [];
        }
        catch (Exception e) when (BlobLakeStorage.IsServiceFailure(e))
        {
            throw Failure("list", folder, e);
        }
        return names;
    }

    public async Task<bool> WriteFolderAsync(string folder, IReadOnlyList<ArtifactFile> files, CancellationToken ct)
    {
        if (await StampAsync($"{folder}/{files[^1].Name}", ct) is not null) return false;
        await EnsureContainerAsync(ct);
        for (var i = 0; i < files.Count; i++)
        {
            var path = $"{folder}/{files[i].Name}";
            if (await UploadAsync(path, files[i].Content, new BlobRequestConditions { IfNoneMatch = ETag.All }, ct)) continue;
            if (i == files.Count - 1) return false;
            // Leftovers are removed before a save under the run lock, so a file already there means a writer outside it.
            throw new IOException($"Cannot store {Describe(folder)}: {Describe(path)} appeared while this run was writing it; "
                + "another process writes to the registry outside the run lock. Stop it and rerun train.");
        }
        return true;
    }

    public async Task<bool> ReplaceAsync(string path, ReadOnlyMemory<byte> content, ArtifactStamp? expected, CancellationToken ct)
    {
        await EnsureContainerAsync(ct);
        var conditions = expected is { } stamp ? new BlobRequestConditions { IfMatch = new ETag(stamp.Value) } : new BlobRequestConditions { IfNoneMatch = ETag.All };
        return await UploadAsync(path, content, conditions, ct);
    }

    /// <summary>Deletes the blobs of every sub-folder of <paramref name="folder"/> that has no <paramref name="marker"/> blob.</summary>
    public async Task RemoveLeftoversAsync(string folder, string marker, CancellationToken ct)
    {
        var prefix = folder.Trim('/') + "/";
        var bySubfolder = (await ListAsync(folder, ct))
            .Where(name => name.IndexOf('/', prefix.Length) > 0)
            .GroupBy(name => name[..name.IndexOf('/', prefix.Length)]);
        foreach (var subfolder in bySubfolder.Where(g => !g.Contains($"{g.Key}/{marker}")))
        {
            foreach (var name in subfolder)
            {
                try
                {
                    await _container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: ct);
                }
                catch (Exception e) when (BlobLakeStorage.IsServiceFailure(e))
                {
                    throw Failure("delete the leftover", name, e);
                }
            }
        }
    }

    /// <summary>Uploads in one request; false when <paramref name="conditions"/> fail (the blob exists, or its ETag moved on).</summary>
    private async Task<bool> UploadAsync(string path, ReadOnlyMemory<byte> content, BlobRequestConditions conditions, CancellationToken ct)
    {
        try
        {
            // MD5 of the body lets the service reject a file damaged in transit instead of storing it.
            await _container.GetBlobClient(path).UploadAsync(BinaryData.FromBytes(content), new BlobUploadOptions
            {
                Conditions = conditions,
                TransferValidation = new UploadTransferValidationOptions { ChecksumAlgorithm = StorageChecksumAlgorithm.MD5 },
            }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobAlreadyExists || e.ErrorCode == BlobErrorCode.ConditionNotMet)
        {
            return false;
        }
        catch (Exception e) when (BlobLakeStorage.IsServiceFailure(e))
        {
            throw Failure("write", path, e);
        }
    }

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (_containerReady) return;
        try
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: ct);
        }
        catch (Exception e) when (BlobLakeStorage.IsServiceFailure(e))
        {
            throw new IOException($"Cannot create the artifacts container {_container.Uri}: {BlobLakeStorage.Reason(e)}. "
                + $"Check {Key(nameof(BlobLakeOptions.ConnectionString))} and that the account allows creating containers, or create it.", e);
        }
        _containerReady = true;
    }

    private static bool IsNotFound(RequestFailedException e) =>
        e.ErrorCode == BlobErrorCode.BlobNotFound || e.ErrorCode == BlobErrorCode.ContainerNotFound || e.Status == 404;

    private IOException Failure(string action, string path, Exception e) => new(
        $"Cannot {action} artifact blob {Describe(path)}: {BlobLakeStorage.Reason(e)}. Check {Key(nameof(BlobLakeOptions.ConnectionString))}, "
        + $"that the storage account is reachable and that it grants read, write, list and delete on container {_container.Name} "
        + $"({Key(nameof(BlobLakeOptions.ArtifactsContainer))}).", e);

    private static string Key(string property) => $"{BlobLakeOptions.Section}:{property}";
}
