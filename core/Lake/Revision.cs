namespace MlRisk.Core.Lake;

/// <summary>
/// A source value that differs from the stored one for a stored date; recorded, never applied.
/// Key is the row key within the date (the symbol, or "" for date-keyed datasets).
/// </summary>
public sealed record Revision(string Dataset, DateOnly Date, string Key, string Change)
{
    public override string ToString() => $"{Dataset} {Date:yyyy-MM-dd} {Key}: {Change}".Replace("  ", " ");
}
