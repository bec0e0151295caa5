using System.Globalization;

namespace MlRisk.Core.Lake;

/// <summary>
/// A dataset contract with its row type: how rows become columns and back, and the DESIGN §3 checks
/// that run on every write and every read.
/// </summary>
public abstract class Dataset<TRow> : DatasetContract
{
    public abstract DateOnly DateOf(TRow row);

    /// <summary>What identifies a row within its date partition ("" when the date alone does).</summary>
    public abstract string KeyOf(TRow row);

    /// <summary>Rows of one partition in the order they are stored: by key, ordinal.</summary>
    internal TRow[] Ordered(IEnumerable<TRow> rows) => [.. rows.OrderBy(KeyOf, StringComparer.Ordinal)];

    /// <summary>Gives <paramref name="writer"/> every contract column by name, in any order (it stores them in contract order).</summary>
    internal abstract void Encode(PartitionColumnsWriter writer, IReadOnlyList<TRow> rows);

    internal abstract TRow[] Decode(PartitionColumnsReader reader);

    /// <summary>The value checks of one row, failures recorded in <paramref name="checks"/>.</summary>
    internal abstract void CheckRow(TRow row, PartitionChecks checks);

    /// <summary>The first column where <paramref name="incoming"/> differs from <paramref name="stored"/> with both values, or null when equal.</summary>
    internal abstract string? Difference(TRow stored, TRow incoming);

    /// <summary>Every check of DESIGN §3 on the rows of one partition.</summary>
    internal void Check(IReadOnlyList<TRow> rows, DateOnly partition, PartitionChecks checks)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var date = DateOf(row);
            if (date != partition)
            {
                checks.Fail("date", "partition value equals row date", $"{Label(row)} in partition date={partition:yyyy-MM-dd}");
            }
            if (!keys.Add(KeyOf(row)))
            {
                checks.Fail(KeyColumns, "unique", $"{Label(row)} appears twice");
            }
            CheckRow(row, checks);
        }
    }

    /// <summary>The columns that with date make a row unique, for messages.</summary>
    internal virtual string KeyColumns => "date";

    internal string Label(TRow row)
    {
        var key = KeyOf(row);
        var date = DateOf(row).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return key.Length == 0 ? date : $"{key} {date}";
    }

    internal static bool IsFinite(double value) => double.IsFinite(value);

    internal static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal sealed override async Task<(int Partitions, IReadOnlyList<string> StrayTempFiles)> ValidateStoredAsync(
        LakeReader reader, ValidationReport report, CancellationToken ct)
    {
        var snapshot = await reader.ReadAllAsync(this, report, ct);
        return (snapshot.Partitions, snapshot.StrayTempFiles);
    }
}
