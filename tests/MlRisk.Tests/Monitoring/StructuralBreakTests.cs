using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;
using MlRisk.Core.Monitoring;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Sources.Synthetic;
using MlRisk.Functions.Cli;
using Xunit.Abstractions;
using MlRisk.Tests.Support;

namespace MlRisk.Tests.Monitoring;

/// <summary>
/// The monitor on the synthetic market, end to end through ./mlrisk run: a champion trained up to
/// <see cref="TrainedUntil"/>, then <see cref="Later"/> a month of sessions on which stocks and bonds start to fall
/// together (the source's documented StockBondBreak option), or do not.
/// </summary>
public sealed class StructuralBreakFixture : IAsyncLifetime
{
    /// <summary>A Monday. Chosen as a quiet stretch of the unbroken simulated market: no natural alert in the month after it.</summary>
    public static readonly DateOnly TrainedUntil = new(2026, 3, 2);

    public static readonly DateOnly Break = new(2026, 3, 3);

    public static readonly DateOnly Later = new(2026, 4, 21);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mlrisk-break-" + Guid.NewGuid().ToString("N"));

    public string Template => Path.Combine(Root, "template");

    public async Task InitializeAsync() => Assert.Equal(0, await Run(Template, TrainedUntil, stockBondBreak: null));

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>A copy of the lake and registry trained up to <see cref="TrainedUntil"/>.</summary>
    public string Copy(string name)
    {
        var target = Path.Combine(Root, name);
        foreach (var file in Directory.GetFiles(Template, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Template, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }

    /// <summary>./mlrisk run at 23:00 UTC of <paramref name="session"/>, by default with a cadence too long to retrain by itself.</summary>
    public static Task<int> Run(string root, DateOnly session, DateOnly? stockBondBreak, int cadence = 10_000, params string[] options) =>
        Run(root, session, services => services
            .PostConfigure<SyntheticSourceOptions>(o => o.StockBondBreak = stockBondBreak)
            .PostConfigure<RetrainOptions>(o => o.CadenceLabels = cadence), options);

    /// <summary>./mlrisk run at 23:00 UTC of <paramref name="session"/> with <paramref name="configure"/>'s settings.</summary>
    public static Task<int> Run(string root, DateOnly session, Action<IServiceCollection> configure, params string[] options) =>
        new RunCommand((services, _) => configure(services
            .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(session.ToDateTime(new TimeOnly(23, 0)), TimeSpan.Zero)))))
            .RunAsync(["--data", Path.Combine(root, "data"), "--artifacts", Path.Combine(root, "artifacts"), .. options], default);

    /// <summary>Relabels every stored model as one of an older model definition; returns their versions.</summary>
    public static IReadOnlySet<string> RelabelModelsAsOlderDefinition(string root)
    {
        var stored = Directory.GetFiles(Path.Combine(root, "artifacts", "models"), ModelRegistry.MetadataFile, SearchOption.AllDirectories);
        Assert.NotEmpty(stored);
        foreach (var file in stored) StoredModelDefinition.Relabel(file, "older");
        return stored.Select(f => Path.GetFileName(Path.GetDirectoryName(f))!).ToHashSet();
    }

    public static async Task<IReadOnlyList<MonitoringRow>> MonitoringRows(string root)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Lake:DataPath"] = Path.Combine(root, "data") }).Build();
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>))
            .AddMlRiskLake(configuration)
            .BuildServiceProvider();
        return (await services.GetRequiredService<LakeReader>().ReadAllAsync(Datasets.MonitoringDaily, default)).Rows;
    }

    public static RunSummary LatestRun(string root)
    {
        // Runs on the same fake clock share their run id's time prefix: the newest file is the latest run.
        var file = Directory.GetFiles(Path.Combine(root, "artifacts", "runs"), "summary.json", SearchOption.AllDirectories).MaxBy(File.GetLastWriteTimeUtc)!;
        return JsonSerializer.Deserialize<RunSummary>(File.ReadAllBytes(file), MlRiskJson.Files)!;
    }
}

public sealed class StructuralBreakTests(StructuralBreakFixture fixture, ITestOutputHelper output) : IClassFixture<StructuralBreakFixture>
{
    /// <summary>Label lag (5) plus the sessions a 63-session window needs to leave every in-training window behind.</summary>
    private const int AlertWithinSessions = 25;

    [Fact]
    public async Task A_stock_bond_break_raises_an_alert_naming_the_correlation_and_the_next_run_retrains_for_it()
    {
        var root = fixture.Copy("broken");
        Assert.Equal(0, await StructuralBreakFixture.Run(root, StructuralBreakFixture.Later, StructuralBreakFixture.Break));

        var rows = await StructuralBreakFixture.MonitoringRows(root);
        var after = rows.Where(r => r.Date >= StructuralBreakFixture.Break).ToList();
        foreach (var r in after) output.WriteLine($"{r.Date:yyyy-MM-dd} {MonitorStatusName.Of(r.Status)} psi corr_spy_tlt_20d {r.Drift.Single(d => d.Feature == FeatureNames.CorrSpyTlt20d).Psi:F2}: {string.Join("; ", r.Reasons)}");
        var first = after.FindIndex(r => r.Status == MonitorStatus.Alert);
        Assert.InRange(first, 0, AlertWithinSessions - 1);
        Assert.All(after[first].Reasons, reason => Assert.Contains(" corr_spy_tlt_20d ", reason));
        Assert.Contains(after[first].Reasons, reason => reason.StartsWith("alert: out_of_range corr_spy_tlt_20d", StringComparison.Ordinal));
        Assert.Equal(RetrainReason.NotDue, Train(StructuralBreakFixture.LatestRun(root)).Retrain!.Reason);

        Assert.Equal(0, await StructuralBreakFixture.Run(root, StructuralBreakFixture.Later, StructuralBreakFixture.Break));
        var train = Train(StructuralBreakFixture.LatestRun(root));
        output.WriteLine($"train: {train.Retrain!.Reason} {train.Retrain.Detail}");
        Assert.Equal(RetrainReason.MonitorAlert, train.Retrain.Reason);
        Assert.Contains("corr_spy_tlt_20d", train.Retrain.Detail);
        Assert.NotNull(train.Training);
    }

    [Fact]
    public async Task The_unbroken_market_over_the_same_month_raises_no_alert_and_trains_nothing()
    {
        var root = fixture.Copy("unbroken");
        Assert.Equal(0, await StructuralBreakFixture.Run(root, StructuralBreakFixture.Later, stockBondBreak: null));

        var after = (await StructuralBreakFixture.MonitoringRows(root)).Where(r => r.Date >= StructuralBreakFixture.Break).ToList();
        foreach (var r in after) output.WriteLine($"{r.Date:yyyy-MM-dd} {MonitorStatusName.Of(r.Status)}: {string.Join("; ", r.Reasons)}");
        Assert.True(after.Count >= AlertWithinSessions, $"{after.Count} monitored dates after the break date");
        Assert.DoesNotContain(after, r => r.Status == MonitorStatus.Alert);

        Assert.Equal(0, await StructuralBreakFixture.Run(root, StructuralBreakFixture.Later, stockBondBreak: null));
        var train = Train(StructuralBreakFixture.LatestRun(root));
        Assert.Equal(RetrainReason.NotDue, train.Retrain!.Reason);
        Assert.Null(train.Training);
        Assert.Equal(0, train.RowsRead);
    }

    [Fact]
    public async Task Five_new_labels_retrain_for_the_cadence_and_retrain_forces_a_model_on_a_day_with_none_due()
    {
        var root = fixture.Copy("cadence");
        var sixSessionsLater = new DateOnly(2026, 3, 10);
        Assert.Equal(0, await StructuralBreakFixture.Run(root, sixSessionsLater, stockBondBreak: null, cadence: 5));
        var cadence = Train(StructuralBreakFixture.LatestRun(root));
        output.WriteLine($"{cadence.Retrain!.Reason}: {cadence.Retrain.Detail}");
        Assert.Equal(RetrainReason.Cadence, cadence.Retrain.Reason);
        Assert.StartsWith("6 new label(s) since 2026-02-23", cadence.Retrain.Detail);
        Assert.True(cadence.Training!.Promoted);

        Assert.Equal(0, await StructuralBreakFixture.Run(root, sixSessionsLater, stockBondBreak: null, cadence: 5));
        Assert.Equal(RetrainReason.NotDue, Train(StructuralBreakFixture.LatestRun(root)).Retrain!.Reason);

        Assert.Equal(0, await StructuralBreakFixture.Run(root, sixSessionsLater, stockBondBreak: null, 5, "--retrain"));
        var forced = Train(StructuralBreakFixture.LatestRun(root));
        Assert.Equal(RetrainReason.Forced, forced.Retrain!.Reason);
        Assert.NotNull(forced.Training);
        Assert.Equal(cadence.Training.Version, forced.Training.Version);
    }

    [Fact]
    public async Task A_rerun_after_a_cold_start_finds_nothing_pending_for_infer_though_four_sessions_have_no_forecast()
    {
        var root = fixture.Copy("rerun");

        Assert.Equal(0, await StructuralBreakFixture.Run(root, StructuralBreakFixture.TrainedUntil, stockBondBreak: null));

        var infer = StructuralBreakFixture.LatestRun(root).Stages.Single(s => s.Stage == StageName.Infer).Result!;
        Assert.Equal((0, 0), (infer.RowsRead, infer.PartitionsWritten));
        var predicted = Directory.GetDirectories(Path.Combine(root, "data", Datasets.PredictionsDaily.Name)).Select(Path.GetFileName).ToHashSet();
        Assert.DoesNotContain("date=2026-02-27", predicted);
        Assert.Contains("date=2026-03-02", predicted);
    }

    [Fact]
    public async Task After_a_model_definition_change_the_monitor_still_scores_the_forecasts_the_older_models_made()
    {
        var root = fixture.Copy("upgraded");
        var olderVersions = StructuralBreakFixture.RelabelModelsAsOlderDefinition(root);
        var before = (await StructuralBreakFixture.MonitoringRows(root)).Max(r => r.Date);

        // Five sessions after the template's run: its champion's forecast of 2026-03-02 realizes (the cold run made no
        // champion forecast for the four sessions before it, which its last training label had read).
        var realizes = new DateOnly(2026, 3, 9);
        Assert.Equal(0, await StructuralBreakFixture.Run(root, realizes, stockBondBreak: null));

        var run = StructuralBreakFixture.LatestRun(root);
        Assert.Equal(RetrainReason.NoChampion, Train(run).Retrain!.Reason);
        Assert.Equal(StageStatus.Succeeded, run.Stages.Single(s => s.Stage == StageName.Monitor).Status);
        var scored = (await StructuralBreakFixture.MonitoringRows(root)).Where(r => r.Date > before).ToList();
        var older = Assert.Single(scored, r => olderVersions.Contains(r.ModelVersion));
        Assert.Equal(StructuralBreakFixture.TrainedUntil, older.Date);
        // The four sessions the cold run left without a forecast got the new model's walk-forward ones, scored as well.
        var retrained = Train(run).Training!.Version;
        Assert.Equal([new(2026, 2, 24), new(2026, 2, 25), new(2026, 2, 26), new(2026, 2, 27)],
            scored.Where(r => r.ModelVersion == retrained).Select(r => r.Date));
    }

    [Fact]
    public async Task After_an_upgrade_a_new_model_that_fails_the_gate_fails_train_saying_nothing_can_be_served()
    {
        var root = fixture.Copy("upgraded-gate-failed");
        StructuralBreakFixture.RelabelModelsAsOlderDefinition(root);

        Assert.Equal(1, await StructuralBreakFixture.Run(root, new DateOnly(2026, 3, 3), services => services
            .PostConfigure<ModelingOptions>(o => o.GateMargin = 0.99)));

        var train = StructuralBreakFixture.LatestRun(root).Stages.Single(s => s.Stage == StageName.Train);
        Assert.Equal(StageStatus.Failed, train.Status);
        Assert.Contains("failed the gate and no earlier model can be served (champion ", train.Error);
        Assert.Contains($"is of another model definition than {ModelMetadata.Definition}", train.Error);
        // The decision and the failed model's numbers stay in the summary beside the error.
        Assert.Equal(RetrainReason.NoChampion, train.Result!.Retrain!.Reason);
        Assert.False(train.Result.Training!.Gate.Passed);
        Assert.Contains(train.Result.Training.Version, train.Error);
    }

    [Fact]
    public async Task A_champion_whose_metadata_is_damaged_is_replaced_and_the_monitor_names_the_file_it_cannot_read()
    {
        var root = fixture.Copy("damaged");
        var champion = JsonSerializer.Deserialize<ChampionPointer>(File.ReadAllBytes(Path.Combine(root, "artifacts", "models", "champion.json")), MlRiskJson.Files)!;
        File.WriteAllText(Path.Combine(root, "artifacts", "models", champion.Version, ModelRegistry.MetadataFile), "{\"version\": ");

        // When the damaged model's forecast of 2026-03-02 realizes.
        Assert.Equal(1, await StructuralBreakFixture.Run(root, new DateOnly(2026, 3, 9), stockBondBreak: null));

        var run = StructuralBreakFixture.LatestRun(root);
        var train = Train(run);
        Assert.Equal(RetrainReason.NoChampion, train.Retrain!.Reason);
        Assert.Equal($"champion {champion.Version}'s metadata.json is damaged or missing and it cannot be served", train.Retrain.Detail);
        Assert.True(train.Training!.Promoted);
        Assert.NotEqual(champion.Version, train.Training.Version);
        // The damaged model's own forecasts still need its training window: the monitor stops and says which file.
        var monitor = run.Stages.Single(s => s.Stage == StageName.Monitor);
        Assert.Equal(StageStatus.Failed, monitor.Status);
        Assert.Contains($"{champion.Version}/{ModelRegistry.MetadataFile} is not model metadata with the training window of model {champion.Version} (", monitor.Error);
        Assert.Contains("restore it from a backup", monitor.Error);
    }

    private static StageResult Train(RunSummary run) => run.Stages.Single(s => s.Stage == StageName.Train).Result!;
}
