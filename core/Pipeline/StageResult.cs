using System.Text.Json.Serialization;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;

namespace MlRisk.Core.Pipeline;

/// <summary>What a stage did: rows it read, and for each dataset it wrote, the partitions written, skipped and revised.</summary>
public sealed record StageResult(StageName Stage, int RowsRead, IReadOnlyList<PartitionWriteResult> Writes, IReadOnlyList<string> StrayTempFiles)
{
    public int RowsWritten => Writes.Sum(w => w.RowsWritten);

    public int PartitionsWritten => Writes.Sum(w => w.PartitionsWritten);

    public int PartitionsSkipped => Writes.Sum(w => w.PartitionsSkipped);

    public int PartitionsRevised => Writes.Sum(w => w.PartitionsRevised);

    public int Revisions => Writes.Sum(w => w.Revisions);

    /// <summary>A stage whose listings showed nothing pending: every stored partition of its output counts as skipped.</summary>
    public static StageResult NothingPending(StageName stage, DatasetContract output, PartitionListing stored, PartitionListing upstream) =>
        new(stage, 0, [new PartitionWriteResult(output.Name, 0, 0, stored.Dates.Count, 0, 0, [])], [.. upstream.StrayTempFiles, .. stored.StrayTempFiles]);

    /// <summary>The train stage's model version, accuracy table and gate decision; null for every other stage.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TrainingOutcome? Training { get; init; }

    /// <summary>The train stage's decision whether to train and why; null for every other stage.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public RetrainDecision? Retrain { get; init; }
}
