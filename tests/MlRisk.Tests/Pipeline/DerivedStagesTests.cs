using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlRisk.Core.Calendar;
using MlRisk.Core.Lake;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Sources;
using MlRisk.Tests.Lake;

namespace MlRisk.Tests.Pipeline;

/// <summary>Features and labels stages over a lake filled by ingest from the in-memory market.</summary>
public sealed class DerivedStagesTests : IDisposable
{
    private readonly FakeMarket _market = new(new DateOnly(2024, 1, 2), 90);
    private readonly TestLake _lake;

    public DerivedStagesTests()
    {
        var close = _market.LastSession.ToDateTime(new TimeOnly(23, 0));
        _lake = new TestLake(services => services
            .AddSingleton<IMarketSourceFactory>(_market)
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(close, TimeSpan.Zero))));
    }

    private Task<StageResult> RunAsync(StageName name) =>
        _lake.Services.GetServices<IStage>().Single(s => s.Name == name).RunAsync(default);

    [Theory]
    [InlineData(StageName.Features, "features_daily")]
    [InlineData(StageName.Labels, "labels_daily")]
    public async Task A_rerun_writes_nothing_and_a_lost_partition_is_rewritten_byte_identical(StageName stage, string dataset)
    {
        await RunAsync(StageName.Ingest);
        var first = await RunAsync(stage);
        Assert.True(first.PartitionsWritten > 20);

        var again = await RunAsync(stage);
        Assert.Equal((0, first.PartitionsWritten), (again.PartitionsWritten, again.PartitionsSkipped));

        var contract = Datasets.All.Single(d => d.Name == dataset);
        var folder = Path.Combine(_lake.DataPath, dataset);
        var victim = Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ElementAt(10);
        var file = Path.Combine(victim, DatasetContract.PartitionFileName);
        var bytes = File.ReadAllBytes(file);
        Directory.Delete(victim, recursive: true);

        var repair = await RunAsync(stage);

        Assert.Equal(1, repair.PartitionsWritten);
        Assert.Equal(bytes, File.ReadAllBytes(file));
        Assert.Equal(contract.Name, repair.Writes.Single().Dataset);
    }

    [Fact]
    public async Task Labels_stop_five_sessions_before_the_last_curated_date()
    {
        await RunAsync(StageName.Ingest);
        await RunAsync(StageName.Labels);
        var labels = await _lake.Reader.ListAsync(Datasets.LabelsDaily, default);
        Assert.Equal(TradingCalendar.SessionsBefore(_market.LastSession, 5), labels.LastDate);
    }

    [Fact]
    public async Task Bad_curated_data_stops_the_features_stage_before_it_writes()
    {
        await RunAsync(StageName.Ingest);
        var file = _lake.FileOf(Datasets.CuratedMarketDaily, _market.LastSession);
        File.WriteAllBytes(file, [.. File.ReadAllBytes(file).Take(64)]);

        var error = await Assert.ThrowsAsync<LakeValidationException>(() => RunAsync(StageName.Features));

        Assert.Contains(file, error.Message);
        Assert.False(Directory.Exists(Path.Combine(_lake.DataPath, "features_daily")));
    }

    public void Dispose() => _lake.Dispose();
}
