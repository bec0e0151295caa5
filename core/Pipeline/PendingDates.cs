using MlRisk.Core.Lake;

namespace MlRisk.Core.Pipeline;

/// <summary>
/// Decides from partition listings alone whether a derived dataset can have anything pending, so a no-op run
/// reads no Parquet. Conservative by construction: it answers "nothing pending" only when every upstream date
/// from the first downstream date on (less the upstream dates that cannot have a row yet) is already stored;
/// any doubt sends the stage down its full path, which computes exactly what is pending.
/// </summary>
internal static class PendingDates
{
    /// <param name="upstream">The input dataset's listing.</param>
    /// <param name="downstream">The output dataset's listing.</param>
    /// <param name="unfinishedTail">How many of the newest upstream dates cannot have an output row yet (labels: 5).</param>
    /// <param name="neverRows">Upstream dates the stage writes no row for (infer: the champion's label horizon).</param>
    public static bool NoneCanBePending(
        PartitionListing upstream, PartitionListing downstream, int unfinishedTail = 0, IReadOnlySet<DateOnly>? neverRows = null)
    {
        if (downstream.Dates.Count == 0) return upstream.Dates.Count == 0;
        var first = downstream.Dates[0];
        var last = upstream.Dates.Count - unfinishedTail;
        for (var i = 0; i < last; i++)
        {
            var date = upstream.Dates[i];
            if (date >= first && !downstream.Contains(date) && neverRows?.Contains(date) != true) return false;
        }
        return true;
    }

    /// <summary>
    /// Upstream dates from the first downstream date on that are not stored downstream (all of them when downstream is
    /// empty), less <paramref name="neverRows"/>.
    /// </summary>
    public static IReadOnlyList<DateOnly> Missing(PartitionListing upstream, PartitionListing downstream, IReadOnlySet<DateOnly>? neverRows = null)
    {
        var first = downstream.Dates.Count == 0 ? DateOnly.MinValue : downstream.Dates[0];
        return [.. upstream.Dates.Where(d => d >= first && !downstream.Contains(d) && neverRows?.Contains(d) != true)];
    }
}
