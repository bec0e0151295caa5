using System.Collections.Concurrent;

namespace MlRisk.Core.Lake;

/// <summary>
/// Decoded rows of partition files, per dataset and path, checked against the file's bytes on every hit.
/// Partitions are never overwritten, and equal bytes decode and validate to equal rows, so a hit skips Parquet
/// decoding and the checks without trusting anything but the bytes. Held by <see cref="LakeRunCache"/> for one
/// run. Cached rows are shared; callers must not mutate them.
/// </summary>
internal sealed class DecodedPartitions
{
    private readonly ConcurrentDictionary<DatasetContract, object> _datasets = new();

    public bool TryGet<TRow>(Dataset<TRow> dataset, string path, byte[] bytes, out TRow[] rows)
    {
        if (Of(dataset).TryGetValue(path, out var entry) && entry.Bytes.AsSpan().SequenceEqual(bytes))
        {
            rows = entry.Rows;
            return true;
        }
        rows = [];
        return false;
    }

    public void Remember<TRow>(Dataset<TRow> dataset, string path, byte[] bytes, TRow[] rows) => Of(dataset)[path] = (bytes, rows);

    // The dataset object fixes TRow, so the cast always holds.
    private ConcurrentDictionary<string, (byte[] Bytes, TRow[] Rows)> Of<TRow>(Dataset<TRow> dataset) =>
        (ConcurrentDictionary<string, (byte[] Bytes, TRow[] Rows)>)_datasets.GetOrAdd(
            dataset, _ => new ConcurrentDictionary<string, (byte[] Bytes, TRow[] Rows)>(StringComparer.Ordinal));
}
