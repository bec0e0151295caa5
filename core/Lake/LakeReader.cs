using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MlRisk.Core.Lake;

/// <summary>
/// Lists and reads datasets. Every file read is checked against its contract; violations of all files are
/// collected before failing, so one error lists every problem. Files are read and decoded in parallel.
/// </summary>
public sealed class LakeReader(ILakeStorage storage, LakeRunCache runCache, IOptions<LakeOptions> options, ILogger<LakeReader> log)
{
    private const string DatePrefix = "date=";

    /// <summary>What <paramref name="dataset"/>'s folder holds; inside a run, the listing the run already took (see <see cref="LakeRunCache"/>).</summary>
    public Task<PartitionListing> ListAsync(DatasetContract dataset, CancellationToken ct) =>
        runCache.ListingAsync(dataset, token => ListFilesAsync(dataset, token), ct);

    private async Task<PartitionListing> ListFilesAsync(DatasetContract dataset, CancellationToken ct)
    {
        var partitions = new SortedDictionary<DateOnly, string>();
        var temps = new List<string>();
        var unexpected = new List<string>();
        foreach (var path in await storage.ListFilesAsync(dataset.Name, ct))
        {
            var parts = path.Split('/');
            var name = parts[^1];
            if (TempFiles.IsTemp(path))
            {
                temps.Add(path);
            }
            else if (parts.Length == 3 && name == DatasetContract.PartitionFileName && TryParseDate(parts[1], out var date))
            {
                partitions[date] = path;
            }
            else
            {
                unexpected.Add(path);
            }
        }
        temps.Sort(StringComparer.Ordinal);
        unexpected.Sort(StringComparer.Ordinal);
        if (temps.Count > 0)
        {
            log.LogWarning("{Dataset} holds {StrayTempFiles} stray temp file(s) from interrupted writes, ignored: {Examples}",
                dataset.Name, temps.Count, temps.Take(3));
        }
        return new PartitionListing(partitions, temps, unexpected);
    }

    /// <summary>Every partition of <paramref name="dataset"/>; throws <see cref="LakeValidationException"/> listing every violation.</summary>
    public Task<DatasetSnapshot<TRow>> ReadAllAsync<TRow>(Dataset<TRow> dataset, CancellationToken ct) => ReadAllAsync(dataset, null, ct);

    /// <summary>
    /// <see cref="ReadAllAsync{TRow}(Dataset{TRow}, CancellationToken)"/>, offering each file's bytes to
    /// <paramref name="known"/> first: the rows it returns for them are taken as decoded and checked (null: decode them).
    /// </summary>
    internal async Task<DatasetSnapshot<TRow>> ReadAllAsync<TRow>(Dataset<TRow> dataset, Func<DateOnly, byte[], TRow[]?>? known, CancellationToken ct)
    {
        var report = new ValidationReport();
        var snapshot = await ReadAllAsync(dataset, report, ct, known);
        report.ThrowIfInvalid($"Reading {dataset.Name}");
        return snapshot;
    }

    /// <summary>The stored partitions among <paramref name="dates"/> (absent dates are skipped); throws on violations.</summary>
    public async Task<DatasetSnapshot<TRow>> ReadPartitionsAsync<TRow>(
        Dataset<TRow> dataset, PartitionListing listing, IEnumerable<DateOnly> dates, CancellationToken ct)
    {
        var report = new ValidationReport();
        var files = Existing(listing, dates);
        var rows = await ReadFilesAsync(dataset, files, report, ct);
        report.ThrowIfInvalid($"Reading {dataset.Name}");
        return new DatasetSnapshot<TRow>(rows, files.Count, listing.StrayTempFiles);
    }

    internal Task<IReadOnlyList<TRow>> ReadPartitionsAsync<TRow>(
        Dataset<TRow> dataset, PartitionListing listing, IEnumerable<DateOnly> dates, ValidationReport report, CancellationToken ct) =>
        ReadFilesAsync(dataset, Existing(listing, dates), report, ct);

    private static List<(DateOnly, string)> Existing(PartitionListing listing, IEnumerable<DateOnly> dates)
    {
        var files = new List<(DateOnly, string)>();
        foreach (var date in dates.Distinct().Order())
        {
            if (listing.Partitions.TryGetValue(date, out var path)) files.Add((date, path));
        }
        return files;
    }

    internal async Task<DatasetSnapshot<TRow>> ReadAllAsync<TRow>(
        Dataset<TRow> dataset, ValidationReport report, CancellationToken ct, Func<DateOnly, byte[], TRow[]?>? known = null)
    {
        var listing = await ListAsync(dataset, ct);
        foreach (var path in listing.UnexpectedFiles)
        {
            report.Add(new SchemaViolation(dataset.Name, storage.Describe(path), "*", "Hive layout",
                1, [$"expected {dataset.Name}/date=YYYY-MM-DD/{DatasetContract.PartitionFileName}"]));
        }
        var files = listing.Partitions.Select(p => (p.Key, p.Value)).ToList();
        var rows = await ReadFilesAsync(dataset, files, report, ct, known);
        return new DatasetSnapshot<TRow>(rows, files.Count, listing.StrayTempFiles);
    }

    private async Task<IReadOnlyList<TRow>> ReadFilesAsync<TRow>(
        Dataset<TRow> dataset, IReadOnlyList<(DateOnly Date, string Path)> files, ValidationReport report, CancellationToken ct,
        Func<DateOnly, byte[], TRow[]?>? known = null)
    {
        var decoded = new TRow[files.Count][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.EffectiveParallelism, CancellationToken = ct };
        await Parallel.ForAsync(0, files.Count, parallel, async (i, token) =>
        {
            var (date, path) = files[i];
            var bytes = await storage.ReadAsync(path, token);
            if (known?.Invoke(date, bytes) is { } offered)
            {
                decoded[i] = offered;
                return;
            }
            if (runCache.TryGetRows(dataset, path, bytes, out var rows))
            {
                decoded[i] = rows;
                return;
            }
            decoded[i] = Decode(dataset, bytes, date, storage.Describe(path), report);
            if (decoded[i].Length > 0) runCache.Decoded(dataset, path, bytes, decoded[i]);
        });

        var total = 0;
        foreach (var part in decoded) total += part.Length;
        var rows = new List<TRow>(total);
        foreach (var part in decoded) rows.AddRange(part);
        return rows;
    }

    /// <summary>Decodes and checks one file; a file that fails adds its violations and yields no rows.</summary>
    internal static TRow[] Decode<TRow>(Dataset<TRow> dataset, byte[] bytes, DateOnly partition, string file, ValidationReport report) =>
        Decode(dataset, bytes, partition, file, report, checkPartition: true);

    /// <param name="checkPartition">false for a file of many dates (a <see cref="DecodedSnapshotReader"/> snapshot): each row's own checks only.</param>
    internal static TRow[] Decode<TRow>(Dataset<TRow> dataset, byte[] bytes, DateOnly partition, string file, ValidationReport report, bool checkPartition)
    {
        var checks = new PartitionChecks(dataset.Name, file);
        TRow[] rows;
        try
        {
            using var reader = PartitionColumnsReader.Open(bytes, dataset, checks);
            rows = reader is null ? [] : dataset.Decode(reader);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Damage anywhere in a file (truncation, flipped bytes) surfaces as some decoding exception;
            // each becomes a violation that names the file rather than an anonymous native error.
            checks.Fail("*", "readable Parquet", $"{e.GetType().Name}: {e.Message}");
            rows = [];
        }
        if (!checks.Failed && checkPartition) dataset.Check(rows, partition, checks);
        if (!checks.Failed && !checkPartition)
        {
            foreach (var row in rows) dataset.CheckRow(row, checks);
        }
        report.AddRange(checks.Violations);
        return checks.Failed ? [] : rows;
    }

    private static bool TryParseDate(string folder, out DateOnly date)
    {
        date = default;
        return folder.StartsWith(DatePrefix, StringComparison.Ordinal)
            && DateOnly.TryParseExact(folder.AsSpan(DatePrefix.Length), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
