using MlRisk.Core.Lake;

namespace MlRisk.Core.Serving;

/// <summary>
/// One dataset's rows kept in memory for the API. The lake is append-only, so a partition once read never
/// changes: each refresh lists the dataset and reads only the partitions it has not seen. A listing that lost
/// a cached partition means the lake was rebuilt, and the cache starts over.
/// </summary>
internal sealed class AppendOnlyDatasetCache<TRow>(LakeReader reader, Dataset<TRow> dataset)
{
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private SortedList<DateOnly, TRow> _rows = new();

    public async Task<SortedList<DateOnly, TRow>> RefreshAsync(CancellationToken ct)
    {
        var listing = await reader.ListAsync(dataset, ct);
        var current = _rows;
        if (IsCurrent(current, listing)) return current;

        await _refresh.WaitAsync(ct);
        try
        {
            current = _rows;
            if (IsCurrent(current, listing)) return current;
            var rebuilt = current.Keys.Any(d => !listing.Contains(d));
            var next = rebuilt ? new SortedList<DateOnly, TRow>() : new SortedList<DateOnly, TRow>(current);
            var missing = listing.Dates.Where(d => !next.ContainsKey(d)).ToList();
            var snapshot = await reader.ReadPartitionsAsync(dataset, listing, missing, ct);
            foreach (var row in snapshot.Rows) next[dataset.DateOf(row)] = row;
            _rows = next;
            return next;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private static bool IsCurrent(SortedList<DateOnly, TRow> rows, PartitionListing listing) =>
        rows.Count == listing.Dates.Count && (rows.Count == 0 || (rows.Keys[0] == listing.Dates[0] && rows.Keys[^1] == listing.Dates[^1]));
}
