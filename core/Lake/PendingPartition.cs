namespace MlRisk.Core.Lake;

/// <summary>An encoded partition waiting to be written.</summary>
public sealed record PendingPartition(DateOnly Date, string Path, byte[] Content, int Rows);
