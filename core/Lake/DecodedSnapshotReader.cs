using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Lake;

/// <summary>
/// Reads every partition of a dataset as <see cref="LakeReader.ReadAllAsync{TRow}(Dataset{TRow}, CancellationToken)"/>
/// does, but keeps what it decoded between runs: <c>snapshots/&lt;dataset&gt;.bin</c> in the artifact store holds the rows
/// of every partition with the SHA-256 of the partition file they were decoded from. A partition whose bytes still hash
/// the same takes its rows from there (the same bytes decode and check to the same rows); any other partition is
/// decoded and checked by the reader as usual, the layout checks included. Decoding thousands of one-row Parquet files is most of what reading the history costs
/// (0.3 s for the real folder's features), and the daily retrain reads the whole history; reading and hashing the
/// files is a tenth of it. Every file is still read, so a changed, replaced or damaged partition is never served from
/// the snapshot. The snapshot is derived data: deleting it only costs the next read its decoding.
/// </summary>
public sealed class DecodedSnapshotReader(LakeReader reader, IArtifactStore store)
{
    private const string Folder = "snapshots";

    public async Task<DatasetSnapshot<TRow>> ReadAllAsync<TRow>(Dataset<TRow> dataset, CancellationToken ct)
    {
        var snapshot = await LoadAsync(dataset, ct);
        var hashes = new ConcurrentDictionary<DateOnly, string>();
        var missed = 0;
        var read = await reader.ReadAllAsync(dataset, (date, bytes) =>
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            hashes[date] = hash;
            if (snapshot?.TryGet(date, hash, out var rows) == true) return rows;
            Interlocked.Increment(ref missed);
            return null;
        }, ct);

        if (missed > 0 || snapshot is null || snapshot.Partitions != read.Partitions)
        {
            var dates = hashes.Keys.Order().ToArray();
            await SaveAsync(dataset, dates, [.. dates.Select(d => hashes[d])], read.Rows, ct);
        }
        return read;
    }

    private async Task<Snapshot<TRow>?> LoadAsync<TRow>(Dataset<TRow> dataset, CancellationToken ct)
    {
        if (await store.ReadAsync(PathOf(dataset), ct) is not { } bytes || bytes.Length < sizeof(int)) return null;
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes);
        if (headerLength <= 0 || headerLength > bytes.Length - sizeof(int)) return null;
        Header? header;
        try
        {
            header = JsonSerializer.Deserialize<Header>(bytes.AsSpan(sizeof(int), headerLength), MlRiskJson.Files);
        }
        catch (JsonException)
        {
            // A snapshot from another version of MlRisk, or half of one: decoding the partitions again is the remedy.
            return null;
        }
        if (header is null || header.Dataset != dataset.Name || header.Dates.Count != header.Hashes.Count) return null;

        var report = new ValidationReport();
        var rows = LakeReader.Decode(dataset, bytes[(sizeof(int) + headerLength)..], DateOnly.MinValue, store.Describe(PathOf(dataset)), report, checkPartition: false);
        if (!report.IsValid) return null;
        var byDate = rows.GroupBy(dataset.DateOf).ToDictionary(g => g.Key, g => g.ToArray());
        var entries = new Dictionary<DateOnly, (string Hash, TRow[] Rows)>(header.Dates.Count);
        for (var i = 0; i < header.Dates.Count; i++)
        {
            entries[header.Dates[i]] = (header.Hashes[i], byDate.GetValueOrDefault(header.Dates[i]) ?? []);
        }
        return new Snapshot<TRow>(entries, header.Dates.Count);
    }

    private async Task SaveAsync<TRow>(Dataset<TRow> dataset, IReadOnlyList<DateOnly> dates, IReadOnlyList<string> hashes, IReadOnlyList<TRow> rows, CancellationToken ct)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new Header(dataset.Name, dates, hashes), MlRiskJson.Files);
        var parquet = PartitionEncoder.Encode(dataset, rows);
        var content = new byte[sizeof(int) + header.Length + parquet.Length];
        BinaryPrimitives.WriteInt32LittleEndian(content, header.Length);
        header.CopyTo(content, sizeof(int));
        parquet.CopyTo(content, sizeof(int) + header.Length);
        var path = PathOf(dataset);
        if (!await store.ReplaceAsync(path, content, await store.StampAsync(path, ct), ct))
        {
            throw new IOException($"{store.Describe(path)} changed while it was written; only one run may hold the lake");
        }
    }

    private static string PathOf(DatasetContract dataset) => $"{Folder}/{dataset.Name}.bin";

    private sealed record Header(string Dataset, IReadOnlyList<DateOnly> Dates, IReadOnlyList<string> Hashes);

    private sealed class Snapshot<TRow>(Dictionary<DateOnly, (string Hash, TRow[] Rows)> entries, int partitions)
    {
        public int Partitions => partitions;

        public bool TryGet(DateOnly date, string hash, out TRow[] rows)
        {
            if (entries.TryGetValue(date, out var entry) && entry.Hash == hash)
            {
                rows = entry.Rows;
                return true;
            }
            rows = [];
            return false;
        }
    }
}
