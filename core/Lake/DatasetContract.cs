namespace MlRisk.Core.Lake;

/// <summary>
/// A dataset's name, columns and Hive layout (<c>&lt;name&gt;/date=YYYY-MM-DD/part-00000.parquet</c> under the lake root).
/// The typed side (rows, checks) is <see cref="Dataset{TRow}"/>; this base lets tools walk every dataset.
/// </summary>
public abstract class DatasetContract
{
    public const string PartitionFileName = "part-00000.parquet";

    public abstract string Name { get; }

    public abstract IReadOnlyList<ColumnSpec> Columns { get; }

    public string PartitionFolder(DateOnly date) => $"{Name}/date={date:yyyy-MM-dd}";

    public string PartitionFile(DateOnly date) => $"{PartitionFolder(date)}/{PartitionFileName}";

    /// <summary>
    /// Reads every stored partition, adding every violation to <paramref name="report"/> instead of throwing; returns
    /// the partitions read and the stray temp files the same listing found.
    /// </summary>
    internal abstract Task<(int Partitions, IReadOnlyList<string> StrayTempFiles)> ValidateStoredAsync(
        LakeReader reader, ValidationReport report, CancellationToken ct);

    public override string ToString() => Name;
}
