namespace MlRisk.Core.Lake;

/// <summary>What a dataset folder holds: its partitions by date, stray temp files, and files outside the layout.</summary>
public sealed class PartitionListing(
    SortedDictionary<DateOnly, string> partitions,
    IReadOnlyList<string> strayTempFiles,
    IReadOnlyList<string> unexpectedFiles)
{
    /// <summary>Partition date to its file path, in date order.</summary>
    public IReadOnlyDictionary<DateOnly, string> Partitions { get; } = partitions;

    public IReadOnlyList<DateOnly> Dates { get; } = [.. partitions.Keys];

    /// <summary>Leftovers of interrupted writes (<c>.tmp-*</c>): ignored by readers, reported, safe to delete.</summary>
    public IReadOnlyList<string> StrayTempFiles { get; } = strayTempFiles;

    /// <summary>Files that are neither partitions nor temp files; a validation error.</summary>
    public IReadOnlyList<string> UnexpectedFiles { get; } = unexpectedFiles;

    public bool Contains(DateOnly date) => partitions.ContainsKey(date);

    public DateOnly? LastDate => partitions.Count == 0 ? null : partitions.Keys.Last();
}
