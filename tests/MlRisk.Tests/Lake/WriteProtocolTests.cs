using Microsoft.Extensions.DependencyInjection;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake;

public sealed class WriteProtocolTests
{
    [Fact]
    public async Task A_rerun_writes_nothing_and_leaves_the_files_untouched()
    {
        using var lake = new TestLake();
        await lake.Writer.WriteAsync(Datasets.RawMarket, SampleRows.Raw(), default);
        var file = lake.FileOf(Datasets.RawMarket, SampleRows.Day1);
        var (bytes, written) = (File.ReadAllBytes(file), File.GetLastWriteTimeUtc(file));

        var again = await lake.Writer.WriteAsync(Datasets.RawMarket, SampleRows.Raw(), default);

        Assert.Equal((0, 2, 0), (again.PartitionsWritten, again.PartitionsSkipped, again.Revisions));
        Assert.Equal(bytes, File.ReadAllBytes(file));
        Assert.Equal(written, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public async Task A_different_value_for_a_stored_date_is_reported_as_a_revision_and_not_applied()
    {
        using var lake = new TestLake();
        await lake.Writer.WriteAsync(Datasets.RawMarket, SampleRows.Raw(), default);
        var revised = SampleRows.Raw();
        revised[3] = revised[3] with { Close = 240.5 };

        var result = await lake.Writer.WriteAsync(Datasets.RawMarket, revised, default);

        Assert.Equal((1, 1), (result.Revisions, result.PartitionsRevised));
        var revision = Assert.Single(result.RevisionExamples);
        Assert.Equal(("SPY", SampleRows.Day2, "close 239.85 -> 240.5"), (revision.Key, revision.Date, revision.Change));
        var stored = await lake.Reader.ReadAllAsync(Datasets.RawMarket, default);
        Assert.Equal(239.85, stored.Rows.Single(r => r.Symbol == "SPY" && r.Date == SampleRows.Day2).Close);
    }

    [Fact]
    public async Task A_row_missing_from_a_stored_partition_is_a_revision_not_an_append()
    {
        using var lake = new TestLake();
        await lake.Writer.WriteAsync(Datasets.CuratedMarketDaily, SampleRows.Curated(), default);
        var result = await lake.Writer.WriteAsync(Datasets.CuratedMarketDaily, [new CuratedRow("HYG", SampleRows.Day2, 0.01, 70)], default);
        Assert.Equal("row not in the stored partition", Assert.Single(result.RevisionExamples).Change);
        Assert.Equal(4, (await lake.Reader.ReadAllAsync(Datasets.CuratedMarketDaily, default)).Rows.Count);
    }

    [Fact]
    public async Task A_stray_temp_file_is_ignored_and_reported()
    {
        using var lake = new TestLake();
        await lake.Writer.WriteAsync(Datasets.LabelsDaily, SampleRows.Labels(), default);
        var temp = Path.Combine(Path.GetDirectoryName(lake.FileOf(Datasets.LabelsDaily, SampleRows.Day1))!, ".tmp-crashed");
        File.WriteAllBytes(temp, [1, 2, 3]);

        var read = await lake.Reader.ReadAllAsync(Datasets.LabelsDaily, default);

        Assert.Equal(2, read.Rows.Count);
        Assert.Equal(["labels_daily/date=2020-03-13/.tmp-crashed"], read.StrayTempFiles);
    }

    [Fact]
    public async Task The_next_write_to_a_dataset_removes_the_temp_files_a_crash_left_and_a_no_op_removes_nothing()
    {
        using var lake = new TestLake();
        var labels = SampleRows.Labels();
        await lake.Writer.WriteAsync(Datasets.LabelsDaily, labels.Take(1), default);
        var temp = Path.Combine(Path.GetDirectoryName(lake.FileOf(Datasets.LabelsDaily, SampleRows.Day1))!, ".tmp-crashed");
        File.WriteAllBytes(temp, [1, 2, 3]);

        await lake.Writer.WriteAsync(Datasets.LabelsDaily, labels.Take(1), default);
        Assert.True(File.Exists(temp), "a write with nothing new must leave the lake exactly as it was");

        var written = await lake.Writer.WriteAsync(Datasets.LabelsDaily, labels, default);

        Assert.Equal(1, written.PartitionsWritten);
        Assert.False(File.Exists(temp));
        Assert.Empty((await lake.Reader.ReadAllAsync(Datasets.LabelsDaily, default)).StrayTempFiles);
    }

    [Fact]
    public async Task A_truncated_file_is_rejected_with_an_error_naming_it()
    {
        using var lake = new TestLake();
        await lake.Writer.WriteAsync(Datasets.LabelsDaily, SampleRows.Labels(), default);
        var file = lake.FileOf(Datasets.LabelsDaily, SampleRows.Day2);
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);

        var error = await Assert.ThrowsAsync<LakeValidationException>(() => lake.Reader.ReadAllAsync(Datasets.LabelsDaily, default));

        var violation = Assert.Single(error.Violations);
        Assert.Equal((file, "readable Parquet"), (violation.File, violation.Check));
        Assert.Contains(file, error.Message);
    }

    [Fact]
    public async Task A_file_with_flipped_footer_bytes_is_rejected_with_an_error_naming_it()
    {
        using var lake = new TestLake();
        await lake.Writer.WriteAsync(Datasets.RawMarket, SampleRows.Raw(), default);
        var file = lake.FileOf(Datasets.RawMarket, SampleRows.Day1);
        var bytes = File.ReadAllBytes(file);
        // The footer is the Thrift metadata just before its 4-byte length and the closing "PAR1".
        var footerLength = BitConverter.ToInt32(bytes, bytes.Length - 8);
        for (var i = bytes.Length - 8 - footerLength; i < bytes.Length - 8; i += 7) bytes[i] ^= 0xFF;
        File.WriteAllBytes(file, bytes);

        var error = await Assert.ThrowsAsync<LakeValidationException>(() => lake.Reader.ReadAllAsync(Datasets.RawMarket, default));

        Assert.Equal([file], error.Violations.Select(v => v.File).Distinct());
        Assert.Contains(file, error.Message);
    }

    [Fact]
    public async Task Every_violation_of_a_batch_is_listed_at_once_and_nothing_is_written()
    {
        using var lake = new TestLake();
        var rows = SampleRows.Raw();
        rows[0] = rows[0] with { Open = -1 };
        rows[1] = rows[1] with { High = 10 };
        rows[2] = rows[2] with { Volume = -5 };
        rows.Add(rows[3]);

        var error = await Assert.ThrowsAsync<LakeValidationException>(() => lake.Writer.WriteAsync(Datasets.RawMarket, rows, default));

        Assert.Equal(
            // open = -1 also puts low above min(open, close): both are listed.
            ["high >= max(open, close)", "low <= min(open, close)", "price > 0", "unique", "volume >= 0"],
            error.Violations.Select(v => v.Check).Order(StringComparer.Ordinal));
        Assert.All(error.Violations, v => Assert.Equal("raw.market", v.Dataset));
        Assert.Contains("SPY 2020-03-13: open -1", error.Message);
        Assert.False(Directory.Exists(Path.Combine(lake.DataPath, "raw.market")));
    }

    [Fact]
    public async Task Violations_of_two_datasets_stop_both_before_either_is_written()
    {
        using var lake = new TestLake();
        var raw = await lake.Writer.PlanAsync(Datasets.RawMarket, SampleRows.Raw(), default);
        var curated = await lake.Writer.PlanAsync(Datasets.CuratedMarketDaily, [new CuratedRow("SPY", SampleRows.Day1, 0.7, 100)], default);

        var error = await Assert.ThrowsAsync<LakeValidationException>(() => lake.Writer.CommitAsync([raw, curated], default));

        Assert.Equal(("curated.market_daily", "ret", "|ret| < 0.5", 1), (error.Violations[0].Dataset, error.Violations[0].Column, error.Violations[0].Check, error.Violations[0].FailingRows));
        Assert.False(Directory.Exists(Path.Combine(lake.DataPath, "raw.market")));
    }

    [Fact]
    public async Task Feature_and_prediction_range_checks_name_the_column()
    {
        using var lake = new TestLake();
        var sample = SampleRows.Features(SampleRows.Day1);
        var features = sample with
        {
            Features = sample.Features
                .With(FeatureNames.RsiSpy14, 101)
                .With(FeatureNames.CorrSpyTlt20d, -1.5)
                .With(FeatureNames.Drawdown60d, 1)
                .With(FeatureNames.Vix3m, double.NaN),
        };
        var prediction = SampleRows.Prediction(SampleRows.Day1) with
        {
            Distribution = SampleRows.Prediction(SampleRows.Day1).Distribution with { Rv5dHat = 0 },
            TopDrivers = [new Driver("vix", 1, 1), new Driver("vix", 1, 1), new Driver("moon_phase", 1, 1)],
        };
        var plans = new[]
        {
            await lake.Writer.PlanAsync(Datasets.FeaturesDaily, [features], default),
            await lake.Writer.PlanAsync(Datasets.PredictionsDaily, [prediction], default),
        };

        var error = await Assert.ThrowsAsync<LakeValidationException>(() => lake.Writer.CommitAsync(plans, default));

        Assert.Equal(
            ["corr_spy_tlt_20d in [-1, 1]", "drawdown_60d in [0, 1)", "rsi_spy_14 in [0, 100]", "rv_5d_hat rv_5d_hat > 0",
             "top_drivers exactly 3 distinct drivers", "top_drivers known feature name", "vix3m non-null"],
            error.Violations.Select(v => $"{v.Column} {v.Check}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_disk_error_while_staging_publishes_nothing_and_leaves_no_temp_files()
    {
        using var lake = new TestLake(services => services
            .AddSingleton<FileSystemLakeStorage>()
            .AddSingleton<ILakeStorage>(sp => new FailingStorage(sp.GetRequiredService<FileSystemLakeStorage>(), failAfter: 1)));
        var error = await Assert.ThrowsAsync<IOException>(() => lake.Writer.WriteAsync(Datasets.RawMarket, SampleRows.Raw(), default));
        Assert.Contains("No space left on device", error.Message);
        Assert.Empty(Directory.Exists(lake.DataPath) ? Directory.GetFiles(lake.DataPath, "*", SearchOption.AllDirectories) : []);
    }

    /// <summary>A lake storage whose disk fills up after a number of staged files.</summary>
    private sealed class FailingStorage(ILakeStorage inner, int failAfter) : ILakeStorage
    {
        private int _staged;

        public string Describe(string path) => inner.Describe(path);

        public Task<IReadOnlyList<string>> ListFilesAsync(string folder, CancellationToken ct) => inner.ListFilesAsync(folder, ct);

        public Task<byte[]> ReadAsync(string path, CancellationToken ct) => inner.ReadAsync(path, ct);

        public Task<StagedFile> StageAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct) =>
            Interlocked.Increment(ref _staged) > failAfter
                ? throw new IOException($"Cannot write lake file {Describe(path)}: No space left on device")
                : inner.StageAsync(path, content, ct);

        public Task<bool> PublishAsync(StagedFile staged, CancellationToken ct) => inner.PublishAsync(staged, ct);

        public Task DiscardAsync(StagedFile staged, CancellationToken ct) => inner.DiscardAsync(staged, ct);

        public Task RemoveLeftoverAsync(string path, CancellationToken ct) => inner.RemoveLeftoverAsync(path, ct);

        public Task<IAsyncDisposable> AcquireRunLockAsync(string holder, CancellationToken ct) => inner.AcquireRunLockAsync(holder, ct);
    }
}
