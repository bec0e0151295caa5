namespace MlRisk.Core.Lake;

/// <summary>
/// A dataset's name, columns and Hive layout (<c>&lt;name&gt;/date=YYYY-MM-DD/part-00000.parquet</c> under the lake root).
/// The typed side (rows, checks) is <see cref="Dataset{TRow}"/>; this base lets tools walk every dataset.
/// </summary>
public abstract class DatasetContract
{
    public const string PartitionFileName = "part-00000.parquet";

    private Dictionary<string, ColumnSpec>? _columnsByName;

    public abstract string Name { get; }

    public abstract IReadOnlyList<ColumnSpec> Columns { get; }

    /// <summary>
    /// The contract column <paramref name="name"/>, which must be of <paramref name="type"/>. Encoding and decoding
    /// both address columns through this, by name, so a dataset's code cannot drift from its contract unnoticed.
    /// </summary>
    internal ColumnSpec Column(string name, ColumnType type)
    {
        // Columns never change after construction; a race builds the same dictionary twice.
        var byName = _columnsByName ??= Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        if (!byName.TryGetValue(name, out var column)) throw new ArgumentException($"{Name} has no column {name}", nameof(name));
        if (column.Type != type) throw new ArgumentException($"{Name}.{name} is {column.Type} in the contract, not {type}", nameof(type));
        return column;
    }

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
