using DuckDB.NET.Data;
using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake;

public sealed class DuckDbHiveTests
{
    [Fact]
    public async Task DuckDB_reads_the_lake_with_hive_partitioning_and_sees_the_date_column()
    {
        using var lake = new TestLake();
        await lake.Writer.WriteAsync(Datasets.RawMarket, SampleRows.Raw(), default);
        await lake.Writer.WriteAsync(Datasets.PredictionsDaily, [SampleRows.Prediction(SampleRows.Day1), SampleRows.Prediction(SampleRows.Day2)], default);

        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        using var query = db.CreateCommand();
        var glob = Path.Combine(lake.DataPath, "raw.market", "*", "*.parquet");
        query.CommandText =
            $"SELECT count(*), count(DISTINCT date), max(date)::VARCHAR, typeof(any_value(date)), sum(close) FILTER (symbol = 'SPY') "
            + $"FROM read_parquet('{glob}', hive_partitioning = true)";
        using var reader = query.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal((6L, 2L, "2020-03-16", "DATE"), (reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3)));
        Assert.Equal(269.32 + 239.85, reader.GetDouble(4), 1e-9);

        using var drivers = db.CreateCommand();
        drivers.CommandText = $"SELECT top_drivers[1], len(driver_shap) FROM read_parquet('{Path.Combine(lake.DataPath, "predictions_daily", "*", "*.parquet")}', hive_partitioning = true) ORDER BY date LIMIT 1";
        using var row = drivers.ExecuteReader();
        Assert.True(row.Read());
        Assert.Equal(("vix", 3L), (row.GetString(0), Convert.ToInt64(row.GetValue(1))));
    }
}
