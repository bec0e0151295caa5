using Microsoft.Extensions.DependencyInjection;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake;

public sealed class DecodedSnapshotReaderTests : IDisposable
{
    private readonly TestLake _lake = new();

    private DecodedSnapshotReader Snapshots => _lake.Services.GetRequiredService<DecodedSnapshotReader>();

    private string SnapshotFile => Path.Combine(_lake.ArtifactsPath, "snapshots", Datasets.LabelsDaily.Name + ".bin");

    private static readonly LabelRow[] Labels =
        [.. Enumerable.Range(0, 30).Select(i => new LabelRow(new DateOnly(2020, 1, 1).AddDays(i), 0.01 + i * 1e-4, -0.002 * i))];

    [Fact]
    public async Task A_second_read_takes_the_rows_from_the_snapshot_and_equals_the_lake()
    {
        await _lake.Writer.WriteAsync(Datasets.LabelsDaily, Labels, default);

        var first = await Snapshots.ReadAllAsync(Datasets.LabelsDaily, default);
        Assert.True(File.Exists(SnapshotFile));
        var written = File.GetLastWriteTimeUtc(SnapshotFile);
        var second = await Snapshots.ReadAllAsync(Datasets.LabelsDaily, default);

        Assert.Equal(Labels, first.Rows);
        Assert.Equal(Labels, second.Rows);
        Assert.Equal(30, second.Partitions);
        Assert.Equal(written, File.GetLastWriteTimeUtc(SnapshotFile));
    }

    [Fact]
    public async Task A_new_partition_is_decoded_and_joins_the_snapshot()
    {
        await _lake.Writer.WriteAsync(Datasets.LabelsDaily, Labels[..20], default);
        await Snapshots.ReadAllAsync(Datasets.LabelsDaily, default);
        await _lake.Writer.WriteAsync(Datasets.LabelsDaily, Labels[20..], default);

        Assert.Equal(Labels, (await Snapshots.ReadAllAsync(Datasets.LabelsDaily, default)).Rows);
        File.Delete(Path.Combine(_lake.DataPath, Datasets.LabelsDaily.PartitionFile(Labels[25].Date)));
        Assert.Equal([.. Labels[..25], .. Labels[26..]], (await Snapshots.ReadAllAsync(Datasets.LabelsDaily, default)).Rows);
    }

    [Fact]
    public async Task A_partition_whose_bytes_changed_is_decoded_and_checked_again_not_served_from_the_snapshot()
    {
        await _lake.Writer.WriteAsync(Datasets.LabelsDaily, Labels, default);
        await Snapshots.ReadAllAsync(Datasets.LabelsDaily, default);
        var moved = Path.Combine(_lake.DataPath, Datasets.LabelsDaily.PartitionFile(Labels[3].Date));
        File.Copy(Path.Combine(_lake.DataPath, Datasets.LabelsDaily.PartitionFile(Labels[4].Date)), moved, overwrite: true);

        var error = await Assert.ThrowsAsync<LakeValidationException>(() => Snapshots.ReadAllAsync(Datasets.LabelsDaily, default));

        Assert.Contains(moved, error.Message);
        Assert.Contains("partition value equals row date", error.Message);
    }

    [Fact]
    public async Task A_damaged_snapshot_is_ignored_and_rebuilt()
    {
        await _lake.Writer.WriteAsync(Datasets.LabelsDaily, Labels, default);
        await Snapshots.ReadAllAsync(Datasets.LabelsDaily, default);
        File.WriteAllBytes(SnapshotFile, [1, 2, 3, 4, 5, 6, 7, 8]);

        Assert.Equal(Labels, (await Snapshots.ReadAllAsync(Datasets.LabelsDaily, default)).Rows);
        Assert.True(new FileInfo(SnapshotFile).Length > 8);
    }

    public void Dispose() => _lake.Dispose();
}
