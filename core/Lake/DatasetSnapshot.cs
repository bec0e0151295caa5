namespace MlRisk.Core.Lake;

/// <summary>Rows read from a dataset, in date order (then key order within a date).</summary>
public sealed record DatasetSnapshot<TRow>(IReadOnlyList<TRow> Rows, int Partitions, IReadOnlyList<string> StrayTempFiles);
