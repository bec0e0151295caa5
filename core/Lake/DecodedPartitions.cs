using System.Collections.Concurrent;

namespace MlRisk.Core.Lake;

/// <summary>
/// Decoded rows of partition files this process has written or read, keyed by path and checked against the
/// file's bytes on every hit. Partitions are never overwritten, and equal bytes decode and validate to equal
/// rows, so a hit skips Parquet decoding and the checks without trusting anything but the bytes: the features
/// and labels stages then read the curated history that ingest has just written at the cost of the file reads.
/// Cached rows are shared; callers must not mutate them.
/// </summary>
internal sealed class DecodedPartitions
{
    private readonly ConcurrentDictionary<string, (byte[] Bytes, Array Rows)> _entries = new(StringComparer.Ordinal);

    public bool TryGet<TRow>(string path, byte[] bytes, out TRow[] rows)
    {
        if (_entries.TryGetValue(path, out var entry) && entry.Rows is TRow[] cached && entry.Bytes.AsSpan().SequenceEqual(bytes))
        {
            rows = cached;
            return true;
        }
        rows = [];
        return false;
    }

    public void Remember(string path, byte[] bytes, Array rows) => _entries[path] = (bytes, rows);
}
