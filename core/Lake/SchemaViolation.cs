namespace MlRisk.Core.Lake;

/// <summary>
/// One failed check in one file: which dataset, file, column and check, how many rows fail, and a few of them.
/// Column is "*" for file-level checks (readable Parquet, column set).
/// </summary>
public sealed record SchemaViolation(
    string Dataset, string File, string Column, string Check, int FailingRows, IReadOnlyList<string> Examples)
{
    public override string ToString() =>
        $"{Dataset} | {File} | column {Column} | {Check} | {FailingRows} row(s) | e.g. {string.Join("; ", Examples)}";
}
