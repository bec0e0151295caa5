using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MlRisk.Core.Lake.Blob;

/// <summary>
/// The lake in an Azure Blob Storage container: the same relative paths become blob names
/// (<c>&lt;container&gt;/&lt;dataset&gt;/date=YYYY-MM-DD/part-….parquet</c>), so the code above the storage is unchanged.
/// <para>
/// A write is the block blob's own two-phase commit. <see cref="StageAsync"/> uploads the content as one
/// uncommitted block of the target blob: uncommitted blocks are invisible to listings and reads, so nothing
/// shows before the publish and a crash leaves nothing to clean (the service discards uncommitted blocks after a
/// week, or when the blob is committed). <see cref="PublishAsync"/> commits that block with
/// <c>If-None-Match: *</c>: one Put Block List request, which the service applies atomically — the blob appears
/// whole or not at all, and only when no blob of that name exists, so a stored partition is never overwritten
/// even by a concurrent writer. <see cref="StagedFile.TempPath"/> holds the staged block's id.
/// </para>
/// <para>
/// The run lock is a lease on the blob <see cref="LockBlobName"/>, renewed in the background while held; when the
/// holder dies the lease lapses after <see cref="BlobLakeOptions.LeaseSeconds"/>, so a crash never locks the lake
/// for good. The holder's name is kept in the lock blob's metadata for the error a waiting run gets.
/// </para>
/// </summary>
public sealed class BlobLakeStorage : ILakeStorage
{
    /// <summary>The blob whose lease is the run lock; '_' keeps it apart from dataset names.</summary>
    public const string LockBlobName = "_lock/run.lock";

    internal const string HolderMetadataKey = "holder";

    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(250);

    private readonly BlobContainerClient _container;
    private readonly TimeSpan _leaseDuration;
    private readonly TimeSpan _lockWait;
    private readonly TimeProvider _time;
    private readonly ILogger<BlobLakeStorage> _log;
    private volatile bool _containerReady;

    /// <param name="lake">The backend-independent lake settings; <see cref="LakeOptions.LockWait"/> is the run lock's wait on blobs too.</param>
    public BlobLakeStorage(IOptions<BlobLakeOptions> options, IOptions<LakeOptions> lake, TimeProvider time, ILogger<BlobLakeStorage> log)
    {
        var settings = options.Value;
        _container = new BlobServiceClient(settings.ConnectionString).GetBlobContainerClient(settings.Container);
        _leaseDuration = TimeSpan.FromSeconds(settings.LeaseSeconds);
        _lockWait = lake.Value.LockWait;
        _time = time;
        _log = log;
    }

    /// <summary>The container's URI, the lake root of error messages.</summary>
    public Uri ContainerUri => _container.Uri;

    /// <summary>The blob's URL, written as the lake path reads ('=' not escaped) so it can be matched by eye.</summary>
    public string Describe(string path) => Url(BlobName(path));

    public async Task<IReadOnlyList<string>> ListFilesAsync(string folder, CancellationToken ct)
    {
        var trimmed = folder.Trim('/');
        // The trailing '/' keeps folder "raw" from matching blobs of a sibling "raw.market".
        var prefix = trimmed.Length == 0 ? null : trimmed + "/";
        var files = new List<string>();
        try
        {
            await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, ct))
            {
                files.Add(blob.Name);
            }
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            return [];
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw Failure("list", folder, e);
        }
        return files;
    }

    public async Task<byte[]> ReadAsync(string path, CancellationToken ct)
    {
        var blob = _container.GetBlobClient(BlobName(path));
        try
        {
            var download = await blob.DownloadContentAsync(ct);
            return download.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobNotFound || e.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            throw new FileNotFoundException($"Lake file {Describe(path)} does not exist ({e.ErrorCode}).", Describe(path), e);
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw Failure("read", path, e);
        }
    }

    public async Task<StagedFile> StageAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var blob = _container.GetBlockBlobClient(BlobName(path));
        var blockId = Convert.ToBase64String(Guid.NewGuid().ToByteArray());
        await EnsureContainerAsync(ct);
        try
        {
            // MD5 of the body lets the service reject a block damaged in transit instead of storing it.
            await blob.StageBlockAsync(blockId, BinaryData.FromBytes(content).ToStream(), new BlockBlobStageBlockOptions
            {
                TransferValidation = new UploadTransferValidationOptions { ChecksumAlgorithm = StorageChecksumAlgorithm.MD5 },
            }, ct);
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw Failure("write", path, e);
        }
        return new StagedFile(path, blockId);
    }

    public async Task<bool> PublishAsync(StagedFile staged, CancellationToken ct)
    {
        var blob = _container.GetBlockBlobClient(BlobName(staged.Path));
        try
        {
            await blob.CommitBlockListAsync([staged.TempPath], new CommitBlockListOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobAlreadyExists || e.ErrorCode == BlobErrorCode.ConditionNotMet)
        {
            // The partition is already there (an earlier run, or a concurrent writer won the race); it stands.
            return false;
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.InvalidBlockList)
        {
            // A concurrent writer's commit discards our uncommitted block; if the blob is there, that writer won.
            if (await ExistsAsync(blob, staged.Path, ct)) return false;
            throw Failure("publish", staged.Path, e);
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw Failure("publish", staged.Path, e);
        }
    }

    /// <summary>
    /// Nothing to remove: an uncommitted block cannot be deleted on its own, is never visible, and is dropped by the
    /// service when the blob is next committed or after a week.
    /// </summary>
    public Task DiscardAsync(StagedFile staged, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Staging never creates a blob, so only a blob that something else named <c>.tmp-*</c> can be removed here.</summary>
    public async Task RemoveLeftoverAsync(string path, CancellationToken ct)
    {
        TempFiles.RequireTemp(path);
        try
        {
            await _container.GetBlobClient(BlobName(path)).DeleteIfExistsAsync(cancellationToken: ct);
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw Failure("delete", path, e);
        }
    }

    public async Task<IAsyncDisposable> AcquireRunLockAsync(string holder, CancellationToken ct)
    {
        await EnsureContainerAsync(ct);
        var lockBlob = _container.GetBlobClient(LockBlobName);
        await CreateLockBlobAsync(lockBlob, ct);
        var lease = lockBlob.GetBlobLeaseClient();
        var deadline = _time.GetUtcNow() + _lockWait;
        while (true)
        {
            try
            {
                await lease.AcquireAsync(_leaseDuration, cancellationToken: ct);
                break;
            }
            catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.LeaseAlreadyPresent && _time.GetUtcNow() < deadline)
            {
                await Task.Delay(LockPoll, _time, ct);
            }
            catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.LeaseAlreadyPresent)
            {
                throw new LakeLockedException(
                    $"The lake at {_container.Uri} is locked by another run: {await CurrentHolderAsync(lockBlob, ct)} "
                    + $"(lease on {lockBlob.Uri}; it lapses within {_leaseDuration.TotalSeconds:0} s if that run died). "
                    + $"Waited {_lockWait.TotalSeconds:0.#} s; try again when it finishes.");
            }
            catch (Exception e) when (IsServiceFailure(e))
            {
                throw Failure("take the run lock", LockBlobName, e);
            }
        }

        var runLock = new BlobRunLock(lease, lockBlob, _leaseDuration, _time, _log);
        try
        {
            var who = $"{holder} (pid {Environment.ProcessId} on {Environment.MachineName})";
            // Metadata travels as an HTTP header, so the free-text holder is escaped to ASCII.
            await lockBlob.SetMetadataAsync(new Dictionary<string, string> { [HolderMetadataKey] = Uri.EscapeDataString(who) },
                new BlobRequestConditions { LeaseId = lease.LeaseId }, ct);
        }
        catch (Exception e) when (IsServiceFailure(e) || e is OperationCanceledException)
        {
            await runLock.DisposeAsync();
            if (e is OperationCanceledException) throw;
            throw Failure("record the run lock's holder on", LockBlobName, e);
        }
        return runLock;
    }

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (_containerReady) return;
        try
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: ct);
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw new IOException($"Cannot create the lake container {_container.Uri}: {Reason(e)}. "
                + $"Check {BlobLakeOptions.Section}:{nameof(BlobLakeOptions.ConnectionString)} and that the account allows creating containers, or create it.", e);
        }
        _containerReady = true;
    }

    private async Task CreateLockBlobAsync(BlobClient lockBlob, CancellationToken ct)
    {
        try
        {
            await lockBlob.UploadAsync(BinaryData.Empty, new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, ct);
        }
        catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.BlobAlreadyExists || e.ErrorCode == BlobErrorCode.ConditionNotMet
            || e.ErrorCode == BlobErrorCode.LeaseIdMissing)
        {
            // Created by an earlier run (and possibly leased right now): the blob itself is all we need.
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw Failure("create the run lock", LockBlobName, e);
        }
    }

    private static async Task<string> CurrentHolderAsync(BlobClient lockBlob, CancellationToken ct)
    {
        try
        {
            var properties = await lockBlob.GetPropertiesAsync(cancellationToken: ct);
            return properties.Value.Metadata.TryGetValue(HolderMetadataKey, out var holder)
                ? Uri.UnescapeDataString(holder)
                : "holder unknown";
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            return $"holder unknown ({Reason(e)})";
        }
    }

    private async Task<bool> ExistsAsync(BlockBlobClient blob, string path, CancellationToken ct)
    {
        try
        {
            return (await blob.ExistsAsync(ct)).Value;
        }
        catch (Exception e) when (IsServiceFailure(e))
        {
            throw Failure("publish", path, e);
        }
    }

    private string Url(string path) => $"{_container.Uri.AbsoluteUri.TrimEnd('/')}/{path}";

    private IOException Failure(string action, string path, Exception e) => new(
        $"Cannot {action} lake blob {Url(path)}: {Reason(e)}. Check {BlobLakeOptions.Section}:{nameof(BlobLakeOptions.ConnectionString)}, "
        + $"that the storage account is reachable and that it grants read, write, list and lease on container {_container.Name}.", e);

    /// <summary>The service's error code and status, or the transport error, without the response dump.</summary>
    internal static string Reason(Exception e) => e switch
    {
        RequestFailedException { Status: > 0 } r => $"{r.ErrorCode} (HTTP {r.Status})",
        AggregateException a => string.Join("; ", a.InnerExceptions.Select(i => i.Message).Distinct()),
        _ => e.Message,
    };

    /// <summary>
    /// What the SDK throws when the service refuses a request or cannot be reached; the latter arrives as an
    /// <see cref="AggregateException"/> once the client's retries are spent.
    /// </summary>
    internal static bool IsServiceFailure(Exception e) => e is RequestFailedException or AggregateException;

    private static string BlobName(string path)
    {
        if (path.Length == 0 || path[0] == '/' || path.Contains('\\'))
        {
            throw new ArgumentException($"Lake path '{path}' must be relative with '/' separators, e.g. raw.market/date=2020-03-16/part-00000.parquet.", nameof(path));
        }
        return path;
    }
}
