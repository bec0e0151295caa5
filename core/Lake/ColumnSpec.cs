namespace MlRisk.Core.Lake;

/// <summary>One column of a dataset contract.</summary>
public sealed record ColumnSpec(string Name, ColumnType Type);
