using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake;

public sealed class MonitoringDatasetTests : IDisposable
{
    private readonly TestLake _lake = new();

    private static MonitoringRow Row(DateOnly date, IReadOnlyList<FeatureDrift>? drift = null) => new(
        date, "20240621-abc",
        new MonitoredForecast(0.021, 0.019, 0.00041, 0.017, 0.02, In80: true, In90: true),
        new LiveScores(63, 0.41, 0.69, 0.47, 0.0099, 0.0126, 0.0104, 0.79, 0.9, 0.97, 0.88),
        drift ?? [.. FeatureNames.All.Select((f, i) => new FeatureDrift(f, 0.01 * i, 0.02 * i, i == 8 ? 0.05 : 0))],
        MonitorStatus.Alert, ["alert: out_of_range vix 5 % of the last 63 sessions outside its training range [9, 60] >= 5 %"]);

    [Fact]
    public async Task A_row_reads_back_equal_with_its_status_reasons_and_drift_lists()
    {
        var row = Row(SampleRows.Day1);
        await _lake.Writer.WriteAsync(Datasets.MonitoringDaily, [row], default);

        var read = (await _lake.Reader.ReadAllAsync(Datasets.MonitoringDaily, default)).Rows.Single();

        Assert.Equal(row.Forecast, read.Forecast);
        Assert.Equal(row.Scores, read.Scores);
        Assert.Equal(row.Drift, read.Drift);
        Assert.Equal(MonitorStatus.Alert, read.Status);
        Assert.Equal(row.Reasons, read.Reasons);
        Assert.Equal(0.41 / 0.69, read.Scores.QlikeRatioBaseline, 12);
    }

    [Fact]
    public async Task Drift_out_of_contract_order_and_an_alert_without_reasons_are_refused_naming_the_columns()
    {
        var shuffled = Row(SampleRows.Day1, [.. FeatureNames.All.Reverse().Select(f => new FeatureDrift(f, 0.1, 0.1, 0))]);
        var silent = Row(SampleRows.Day2) with { Reasons = [] };

        var error = await Assert.ThrowsAsync<LakeValidationException>(() => _lake.Writer.WriteAsync(Datasets.MonitoringDaily, [shuffled, silent], default));

        Assert.Contains("drift_feature", error.Message);
        Assert.Contains("every feature once, in contract order", error.Message);
        Assert.Contains("a warn or alert names its reasons", error.Message);
        Assert.Empty(Directory.Exists(Path.Combine(_lake.DataPath, Datasets.MonitoringDaily.Name))
            ? Directory.GetFiles(Path.Combine(_lake.DataPath, Datasets.MonitoringDaily.Name), "*.parquet", SearchOption.AllDirectories) : []);
    }

    public void Dispose() => _lake.Dispose();
}
