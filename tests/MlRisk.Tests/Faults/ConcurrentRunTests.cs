using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlRisk.Core.Lake;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Serving;
using MlRisk.Functions.Hosting;

namespace MlRisk.Tests.Faults;

/// <summary>Two runs on one lake at once (two real processes; a scheduler trigger during a manual run): exactly one works.</summary>
[Collection(FaultsCollection.Name)]
public sealed class ConcurrentRunTests(CleanRunFixture clean)
{
    private static readonly string[] Trained = [Datasets.RawMarket.Name, Datasets.CuratedMarketDaily.Name, Datasets.FeaturesDaily.Name, Datasets.LabelsDaily.Name];

    [Fact]
    public async Task Of_two_runs_started_together_one_works_and_the_other_exits_3_saying_the_lake_is_locked()
    {
        var (data, artifacts) = clean.NewFolders("two-runs-short-wait");
        clean.Seed(data, artifacts, Trained, models: true);
        var shortWait = new Dictionary<string, string> { ["Lake__LockWait"] = "00:00:00.5" };

        using var first = AppProcess.Start(["run", "--data", data, "--artifacts", artifacts], shortWait);
        using var second = AppProcess.Start(["run", "--data", data, "--artifacts", artifacts], shortWait);
        var codes = await Task.WhenAll(first.WaitForExitAsync(AppProcess.RunTimeout), second.WaitForExitAsync(AppProcess.RunTimeout));

        Assert.Equal([0, 3], codes.Order().ToArray());
        var loser = codes[0] == 3 ? first : second;
        Assert.Contains("is locked by another run", loser.Stderr);
        Assert.Contains("pid", loser.Stderr);
        LakeFiles.AssertSameLake(clean.Data, data);
    }

    [Fact]
    public async Task Of_two_runs_started_together_with_a_long_lock_wait_the_second_waits_and_finds_the_work_done()
    {
        var (data, artifacts) = clean.NewFolders("two-runs-long-wait");
        clean.Seed(data, artifacts, Trained, models: true);
        var longWait = new Dictionary<string, string> { ["Lake__LockWait"] = "00:03:00" };
        var predictions = LakeFiles.List(clean.Data, Datasets.PredictionsDaily.Name).Count;

        using var first = AppProcess.Start(["run", "--data", data, "--artifacts", artifacts], longWait);
        using var second = AppProcess.Start(["run", "--data", data, "--artifacts", artifacts], longWait);
        var codes = await Task.WhenAll(first.WaitForExitAsync(AppProcess.RunTimeout), second.WaitForExitAsync(AppProcess.RunTimeout));

        Assert.Equal([0, 0], codes);
        var workers = new[] { first, second }.Count(p => p.Stderr.Contains($"infer succeeded", StringComparison.Ordinal)
            && p.Stderr.Contains($"({predictions} written", StringComparison.Ordinal));
        Assert.Equal(1, workers);
        LakeFiles.AssertSameLake(clean.Data, data);
    }

    [Fact]
    public async Task A_scheduler_trigger_while_a_manual_run_holds_the_lake_fails_naming_the_lock_and_touches_nothing()
    {
        var (data, artifacts) = clean.NewFolders("timer-during-run");
        clean.Seed(data, artifacts, Trained, models: true);
        using var manual = AppProcess.Start(["run", "--data", data, "--artifacts", artifacts],
            new Dictionary<string, string> { [PausingFaultPoints.PartitionsVariable] = "predictions_daily:50" });
        await manual.WaitUntilPausedAsync(TimeSpan.FromMinutes(2));
        var published = LakeFiles.Published(data);
        var temps = LakeFiles.TempFiles(data);

        await using var host = StandaloneHost.Build(new StandaloneSettings("http://127.0.0.1:0", data, artifacts), builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Lake:LockWait"] = "00:00:00.5" });
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton(AppProcess.Clock);
        });
        await host.StartAsync();
        var trigger = host.Services.GetRequiredService<IPipelineTrigger>();
        var failure = await Assert.ThrowsAnyAsync<Exception>(() =>
            trigger.RunAsync([StageName.Ingest, StageName.Features, StageName.Labels, StageName.Train, StageName.Infer], "timer:DailyRun", default));
        await host.StopAsync();

        Assert.IsType<LakeLockedException>(failure);
        Assert.Contains($"is locked by another run", failure.Message);
        Assert.Contains($"pid {manual.Id}", failure.Message);
        Assert.Equal(published.Keys, LakeFiles.Published(data).Keys);
        Assert.Equal(temps, LakeFiles.TempFiles(data));
        await manual.KillAsync();
    }
}
