namespace MlRisk.Core.Lake;

/// <summary>What a write did to one dataset.</summary>
public sealed record PartitionWriteResult(
    string Dataset,
    int RowsWritten,
    int PartitionsWritten,
    int PartitionsSkipped,
    int PartitionsRevised,
    int Revisions,
    IReadOnlyList<Revision> RevisionExamples);
