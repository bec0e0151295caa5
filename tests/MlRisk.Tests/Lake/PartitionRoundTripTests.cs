using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;
using ParquetSharp;

namespace MlRisk.Tests.Lake;

public sealed class PartitionRoundTripTests
{
    [Fact]
    public async Task Raw_market_rows_read_back_equal_in_date_then_symbol_order()
    {
        using var lake = new TestLake();
        var rows = SampleRows.Raw();
        var result = await lake.Writer.WriteAsync(Datasets.RawMarket, rows, default);

        var read = await lake.Reader.ReadAllAsync(Datasets.RawMarket, default);
        Assert.Equal(2, result.PartitionsWritten);
        Assert.Equal(rows.OrderBy(r => r.Date).ThenBy(r => r.Symbol, StringComparer.Ordinal), read.Rows);
    }

    [Fact]
    public async Task Curated_rows_read_back_equal()
    {
        using var lake = new TestLake();
        await lake.Writer.WriteAsync(Datasets.CuratedMarketDaily, SampleRows.Curated(), default);
        var read = await lake.Reader.ReadAllAsync(Datasets.CuratedMarketDaily, default);
        Assert.Equal(SampleRows.Curated(), read.Rows);
    }

    [Fact]
    public async Task Feature_rows_read_back_with_all_14_values_in_order()
    {
        using var lake = new TestLake();
        FeatureRow[] rows = [SampleRows.Features(SampleRows.Day1), SampleRows.Features(SampleRows.Day2)];
        await lake.Writer.WriteAsync(Datasets.FeaturesDaily, rows, default);
        var read = await lake.Reader.ReadAllAsync(Datasets.FeaturesDaily, default);
        Assert.Equal(rows.Select(r => r.Date), read.Rows.Select(r => r.Date));
        Assert.Equal(rows[1].Features, read.Rows[1].Features);
        Assert.Equal(82.69, read.Rows[1][FeatureNames.Vix]);
    }

    [Fact]
    public async Task Label_rows_read_back_equal()
    {
        using var lake = new TestLake();
        await lake.Writer.WriteAsync(Datasets.LabelsDaily, SampleRows.Labels(), default);
        var read = await lake.Reader.ReadAllAsync(Datasets.LabelsDaily, default);
        Assert.Equal(SampleRows.Labels(), read.Rows);
    }

    [Fact]
    public async Task Prediction_rows_read_back_with_drivers_shap_values_and_provenance()
    {
        using var lake = new TestLake();
        var row = SampleRows.Prediction(SampleRows.Day2);
        await lake.Writer.WriteAsync(Datasets.PredictionsDaily, [row], default);
        var read = (await lake.Reader.ReadAllAsync(Datasets.PredictionsDaily, default)).Rows.Single();
        Assert.Equal(row.TopDrivers, read.TopDrivers);
        Assert.Equal((0.043, "20260101-abc", "walk_forward"), (read.Rv5dHat, read.ModelVersion, read.Source));
    }

    [Fact]
    public async Task Same_rows_give_byte_identical_files()
    {
        using var first = new TestLake();
        using var second = new TestLake();
        var rows = SampleRows.Raw();
        await first.Writer.WriteAsync(Datasets.RawMarket, rows, default);
        rows.Reverse();
        await second.Writer.WriteAsync(Datasets.RawMarket, rows, default);

        Assert.Equal(File.ReadAllBytes(first.FileOf(Datasets.RawMarket, SampleRows.Day2)),
            File.ReadAllBytes(second.FileOf(Datasets.RawMarket, SampleRows.Day2)));
    }

    [Fact]
    public async Task Date_is_a_required_parquet_DATE_column_inside_the_file()
    {
        using var lake = new TestLake();
        await lake.Writer.WriteAsync(Datasets.LabelsDaily, SampleRows.Labels(), default);
        using var file = new ParquetFileReader(lake.FileOf(Datasets.LabelsDaily, SampleRows.Day2));
        var date = file.FileMetaData.Schema.Column(0);
        Assert.Equal(("date", LogicalTypeEnum.Date, 0), (date.Name, date.LogicalType.Type, (int)date.MaxDefinitionLevel));
    }

    [Fact]
    public async Task Partition_folder_follows_the_hive_layout()
    {
        using var lake = new TestLake();
        await lake.Writer.WriteAsync(Datasets.CuratedMarketDaily, SampleRows.Curated(), default);
        Assert.True(File.Exists(Path.Combine(lake.DataPath, "curated.market_daily", "date=2020-03-16", "part-00000.parquet")));
    }
}
