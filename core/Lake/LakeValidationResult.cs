namespace MlRisk.Core.Lake;

/// <summary>The outcome of validating every stored partition of every dataset.</summary>
public sealed record LakeValidationResult(
    IReadOnlyDictionary<string, int> PartitionsByDataset,
    IReadOnlyList<SchemaViolation> Violations,
    IReadOnlyList<string> StrayTempFiles)
{
    public bool IsValid => Violations.Count == 0;
}
