namespace MlRisk.Core.Lake;

/// <summary>An encoded partition waiting to be written.</summary>
public abstract record PendingPartition(DateOnly Date, string Path, byte[] Content, int Rows)
{
    /// <summary>Tells <paramref name="cache"/> this partition is now stored, with its rows in file order.</summary>
    internal abstract void ReportPublished(LakeRunCache cache);
}

/// <summary>A pending partition of a <see cref="Dataset{TRow}"/>, keeping its rows typed for the run cache.</summary>
internal sealed record PendingPartition<TRow>(Dataset<TRow> Dataset, DateOnly Date, byte[] Content, TRow[] Ordered)
    : PendingPartition(Date, Dataset.PartitionFile(Date), Content, Ordered.Length)
{
    internal override void ReportPublished(LakeRunCache cache) => cache.Published(Dataset, Path, Content, Ordered);
}
