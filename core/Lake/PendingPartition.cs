namespace MlRisk.Core.Lake;

/// <summary>An encoded partition waiting to be written.</summary>
public sealed record PendingPartition(DateOnly Date, string Path, byte[] Content, int Rows)
{
    /// <summary>The rows in file order, remembered by the reader once the file is published.</summary>
    internal Array Ordered { get; init; } = Array.Empty<object>();
}
