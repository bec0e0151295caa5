using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MlRisk.Core.Lake;
using MlRisk.Core.Observability;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Sources;
using MlRisk.Tests.Lake;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace MlRisk.Tests.Pipeline;

public sealed class PipelineRunnerTests : IDisposable
{
    private readonly FakeMarket _market = new(new DateOnly(2024, 3, 1), 10);
    private readonly StringWriter _log = new();
    private readonly List<StageName> _ran = [];
    private readonly TestLake _lake;

    public PipelineRunnerTests()
    {
        var serilog = ConsoleLogging.Configure(new LoggerConfiguration()).WriteTo.Sink(new JsonLines(_log)).CreateLogger();
        _lake = new TestLake(services =>
        {
            services.AddSingleton<IMarketSourceFactory>(_market);
            services.AddSingleton<ILoggerFactory>(_ => LoggerFactory.Create(b => b.AddSerilog(serilog, dispose: true)));
            services.AddMlRiskStage<TrainStandIn>();
            services.AddMlRiskStage<InferStandIn>();
            services.AddSingleton(_ran);
        });
    }

    private PipelineRunner Runner => _lake.Services.GetRequiredService<PipelineRunner>();

    [Fact]
    public async Task A_run_executes_the_stages_in_order_and_its_summary_is_the_latest()
    {
        var summary = await Runner.RunAsync([StageName.Ingest, StageName.Infer], "test", default);

        Assert.Equal(StageStatus.Succeeded, summary.Status);
        Assert.Equal([StageName.Ingest, StageName.Infer], summary.Stages.Select(s => s.Stage));
        Assert.Equal(10, summary.Stages[0].Result!.Writes.Single(w => w.Dataset == "raw.market").PartitionsWritten);
        var file = Path.Combine(_lake.ArtifactsPath, "runs", summary.RunId, "summary.json");
        Assert.Equal("succeeded", JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("status").GetString());
        var latest = await _lake.Services.GetRequiredService<IRunSummaryStore>().ReadLatestAsync(default);
        Assert.Equal((summary.RunId, 10), (latest!.RunId, latest.Stages[0].Result!.Writes[0].PartitionsWritten));
    }

    [Fact]
    public async Task Of_runs_started_within_one_second_the_last_is_the_latest()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2024, 3, 1, 23, 0, 0, TimeSpan.Zero));
        using var lake = new TestLake(services => services.AddSingleton<IMarketSourceFactory>(_market).AddSingleton<TimeProvider>(clock));
        var runner = lake.Services.GetRequiredService<PipelineRunner>();
        var runs = new List<RunSummary>();
        for (var i = 0; i < 10; i++)
        {
            runs.Add(await runner.RunAsync([StageName.Ingest], "test", default));
            clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        var latest = await lake.Services.GetRequiredService<IRunSummaryStore>().ReadLatestAsync(default);

        Assert.Equal(runs[^1].RunId, latest!.RunId);
        Assert.StartsWith("20240301T230000450Z-", latest.RunId);
    }

    [Fact]
    public async Task A_stage_sees_the_partitions_an_earlier_stage_of_the_same_run_wrote()
    {
        var summary = await Runner.RunAsync([StageName.Ingest, StageName.Labels], "test", default);

        Assert.Equal(StageStatus.Succeeded, summary.Status);
        Assert.Equal(9, summary.Stages[0].Result!.Writes.Single(w => w.Dataset == "curated.market_daily").PartitionsWritten);
        Assert.Equal(4, summary.Stages[1].Result!.Writes.Single().PartitionsWritten);
    }

    [Fact]
    public async Task A_failing_stage_stops_the_run_and_the_summary_records_the_error()
    {
        var summary = await Runner.RunAsync([StageName.Train, StageName.Infer], "test", default);

        Assert.Equal((StageStatus.Failed, "Train: no champion model"), (summary.Status, summary.Error));
        Assert.Equal([StageName.Train], _ran);
        var latest = await _lake.Services.GetRequiredService<IRunSummaryStore>().ReadLatestAsync(default);
        Assert.Equal(StageStatus.Failed, latest!.Stages.Single().Status);
    }

    [Fact]
    public async Task Every_log_event_of_a_run_carries_its_run_id_and_stage_end_events_carry_the_counts()
    {
        var summary = await Runner.RunAsync([StageName.Ingest], "test", default);

        var events = _log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.True(events.Count >= 4);
        Assert.All(events, e => Assert.Equal(summary.RunId, e.GetProperty("RunId").GetString()));
        var end = events.Single(e => e.GetProperty("@mt").GetString()!.StartsWith("Stage {Stage} finished"));
        Assert.Equal((10 + 9, 0), (end.GetProperty("PartitionsWritten").GetInt32(), end.GetProperty("PartitionsRevised").GetInt32()));
        Assert.True(end.GetProperty("DurationMs").GetDouble() > 0);
    }

    [Fact]
    public async Task A_second_run_while_one_holds_the_lake_is_refused_and_records_nothing()
    {
        await using (await _lake.Storage.AcquireRunLockAsync("run first (timer)", default))
        {
            var error = await Assert.ThrowsAsync<LakeLockedException>(() => Runner.RunAsync([StageName.Ingest], "test", default));
            Assert.Contains("run first (timer)", error.Message);
        }
        Assert.False(Directory.Exists(Path.Combine(_lake.ArtifactsPath, "runs")));
    }

    [Fact]
    public async Task Asking_for_a_stage_that_is_not_registered_fails_before_running_anything()
    {
        using var lake = new TestLake(services => services.AddSingleton<IMarketSourceFactory>(_market));
        var runner = lake.Services.GetRequiredService<PipelineRunner>();
        var error = await Assert.ThrowsAsync<ArgumentException>(() => runner.RunAsync([StageName.Ingest, StageName.Train], "test", default));
        Assert.StartsWith("Stage(s) Train are not registered; registered: Ingest, Features, Labels", error.Message);
    }

    public void Dispose() => _lake.Dispose();

    /// <summary>Stands in for the model engineer's train stage: fails like a train stage without a usable model.</summary>
    private sealed class TrainStandIn(List<StageName> ran) : IStage
    {
        public StageName Name => StageName.Train;

        public Task<StageResult> RunAsync(CancellationToken ct)
        {
            ran.Add(Name);
            throw new InvalidOperationException("no champion model");
        }
    }

    private sealed class InferStandIn(List<StageName> ran) : IStage
    {
        public StageName Name => StageName.Infer;

        public Task<StageResult> RunAsync(CancellationToken ct)
        {
            ran.Add(Name);
            return Task.FromResult(new StageResult(Name, 0, [], []));
        }
    }

    private sealed class JsonLines(TextWriter output) : ILogEventSink
    {
        private readonly CompactJsonFormatter _formatter = new();

        public void Emit(LogEvent logEvent)
        {
            lock (output) _formatter.Format(logEvent, output);
        }
    }
}
