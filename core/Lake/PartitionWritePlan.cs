namespace MlRisk.Core.Lake;

/// <summary>
/// What writing a batch of rows to a dataset would do: the new partitions (validated and encoded), the
/// partitions already stored (skipped) and the revisions found in them, and the validation outcome.
/// Nothing is on disk until <see cref="PartitionWriter.CommitAsync"/>.
/// </summary>
public sealed class PartitionWritePlan(
    DatasetContract dataset,
    IReadOnlyList<PendingPartition> pending,
    int skipped,
    int revisedPartitions,
    IReadOnlyList<Revision> revisions,
    ValidationReport validation)
{
    public const int RevisionExamples = 5;

    public DatasetContract Dataset { get; } = dataset;

    public IReadOnlyList<PendingPartition> Pending { get; } = pending;

    public int Skipped { get; } = skipped;

    public int RevisedPartitions { get; } = revisedPartitions;

    /// <summary>Every revision found (the result and the log show a few).</summary>
    public IReadOnlyList<Revision> Revisions { get; } = revisions;

    public ValidationReport Validation { get; } = validation;
}
