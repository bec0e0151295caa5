using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;

namespace MlRisk.Core.Lake.Blob;

/// <summary>
/// A held run lock: renews the blob lease every third of its duration until disposed, then clears the holder and
/// releases the lease. Renewing at a third leaves two more tries before the lease lapses when one renewal fails.
/// </summary>
internal sealed class BlobRunLock : IAsyncDisposable
{
    private readonly BlobLeaseClient _lease;
    private readonly BlobClient _lockBlob;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewal;
    private Exception? _lost;

    public BlobRunLock(BlobLeaseClient lease, BlobClient lockBlob, TimeSpan duration, TimeProvider time, ILogger log)
    {
        _lease = lease;
        _lockBlob = lockBlob;
        _duration = duration;
        _time = time;
        _log = log;
        _renewal = RenewUntilReleasedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _renewal;
        _stop.Dispose();
        if (_lost is not null)
        {
            throw new IOException(
                $"The run lock lease on {_lockBlob.Uri} was lost while this run held it ({BlobLakeStorage.Reason(_lost)}); another run may have "
                + "worked on the lake meanwhile. Stored partitions are never overwritten, so the lake stays consistent; run again to finish pending dates.",
                _lost);
        }
        try
        {
            await _lockBlob.SetMetadataAsync(new Dictionary<string, string>(), new BlobRequestConditions { LeaseId = _lease.LeaseId });
            await _lease.ReleaseAsync();
        }
        catch (Exception e) when (BlobLakeStorage.IsServiceFailure(e))
        {
            throw new IOException(
                $"Cannot release the run lock lease on {_lockBlob.Uri}: {BlobLakeStorage.Reason(e)}. It lapses by itself within {_duration.TotalSeconds:0} s.", e);
        }
    }

    private async Task RenewUntilReleasedAsync()
    {
        var interval = _duration / 3;
        while (true)
        {
            try
            {
                await Task.Delay(interval, _time, _stop.Token);
                await _lease.RenewAsync(cancellationToken: _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                // The lease lapsed and another run took it: this run no longer holds the lake.
                _lost = e;
                _log.LogError(e, "Lost the run lock lease on {LockBlob}: {Reason}", _lockBlob.Uri, BlobLakeStorage.Reason(e));
                return;
            }
            catch (Exception e) when (BlobLakeStorage.IsServiceFailure(e))
            {
                _log.LogWarning(e, "Renewing the run lock lease on {LockBlob} failed, retrying in {RetrySeconds} s: {Reason}",
                    _lockBlob.Uri, interval.TotalSeconds, BlobLakeStorage.Reason(e));
            }
        }
    }
}
