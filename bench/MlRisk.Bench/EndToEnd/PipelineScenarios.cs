using System.Globalization;
using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;

namespace MlRisk.Bench.EndToEnd;

/// <summary>
/// The end-to-end timings, each a real process of the built app: a cold full run into empty folders, the same
/// command again (nothing pending: the no-op re-run), and incremental runs that add one session to a lake.
/// </summary>
public sealed class PipelineScenarios(BenchSettings settings, string workFolder, TimeProvider time)
{
    private readonly ChildProcess _process = new(settings.Root, new Dictionary<string, string>());

    /// <summary>The same app with a retrain due after every new label.</summary>
    private readonly ChildProcess _retraining = new(settings.Root, new Dictionary<string, string>
    {
        ["Retrain__CadenceLabels"] = "1",
    });

    /// <summary><see cref="BenchSettings.Runs"/> × (cold run into fresh folders, then the no-op re-run on them).</summary>
    /// <param name="lakesFolder">Where the lakes go; the bench's scratch folder when null.</param>
    public async Task<ScenarioRuns> ColdAndNoOpAsync(
        string source, IReadOnlyList<string> sourceOptions, CancellationToken ct, string? lakesFolder = null)
    {
        var cold = new List<PipelineRun>();
        var noOp = new List<PipelineRun>();
        LakeFolder? lake = null;
        for (var repeat = 1; repeat <= settings.Runs; repeat++)
        {
            // Earlier repeats' lakes stay until the bench ends: deleting ~30,000 files just before a cold run makes
            // ext4 skip every recently freed inode while allocating the new ones, a cost no user's cold run pays.
            lake = new LakeFolder(Path.Combine(lakesFolder ?? workFolder, $"{source}-{repeat}"));
            IReadOnlyList<string> args = [settings.FunctionsApp, "run", .. sourceOptions, .. lake.RunOptions];
            cold.Add(await RunAsync($"{source} cold", repeat, lake, args, ct));
            noOp.Add(await RunAsync($"{source} no-op", repeat, lake, args, ct));
        }
        return new ScenarioRuns(source, cold, noOp, lake!);
    }

    /// <summary>The synthetic market's last completed session (the clock's).</summary>
    public DateOnly LastSyntheticSession => TradingCalendar.LastCompletedSession(time.GetUtcNow());

    /// <summary>
    /// Builds a lake as of the session before <paramref name="last"/> (the app's clock pinned by <c>Clock:Now</c>, <see cref="AsOf"/>), then,
    /// <see cref="BenchSettings.Runs"/> times, copies it and runs as of <paramref name="last"/>: one new session through
    /// every stage, once with a retrain due and once with none due (<see cref="IncrementalRuns"/>). The base lake is a
    /// cold run five sessions earlier followed by a retraining daily run per session, as a lake run every day is: a
    /// cold run leaves its champion's first four sessions without a forecast (PredictionPlanner.HorizonGap), and each
    /// daily retrain fills one.
    /// </summary>
    public async Task<IncrementalRuns> IncrementalAsync(string source, IReadOnlyList<string> sourceOptions, DateOnly last, CancellationToken ct)
    {
        var previous = TradingCalendar.SessionsBefore(last, 1);
        var cold = TradingCalendar.SessionsBefore(last, LabelRow.HorizonSessions);

        var baseLake = new LakeFolder(Path.Combine(workFolder, $"{source}-incremental-base"));
        baseLake.Delete();
        IReadOnlyList<string> baseArgs = [settings.FunctionsApp, "run", .. sourceOptions, .. baseLake.RunOptions];
        await RunAsync($"{source} incremental base as of {cold:yyyy-MM-dd}", 0, baseLake, baseArgs, ct, AsOf(_process, cold));
        foreach (var day in TradingCalendar.Sessions(cold.AddDays(1), previous))
        {
            await RunAsync($"{source} incremental base as of {day:yyyy-MM-dd}", 0, baseLake, baseArgs, ct, AsOf(_retraining, day));
        }

        var due = new List<PipelineRun>();
        var notDue = new List<PipelineRun>();
        for (var repeat = 1; repeat <= settings.Runs; repeat++)
        {
            foreach (var (runs, process, label) in new[] { (due, _retraining, "retrain due"), (notDue, _process, "no retrain due") })
            {
                var lake = baseLake.CopyTo(Path.Combine(workFolder, $"{source}-incremental-{repeat}"));
                Progress.Report($"copied the base lake to {lake.Root}");
                runs.Add(await RunAsync($"{source} incremental {last:yyyy-MM-dd} {label}", repeat, lake,
                    [settings.FunctionsApp, "run", .. sourceOptions, .. lake.RunOptions], ct, AsOf(process, last)));
                lake.Delete();
            }
        }
        baseLake.Delete();
        return new IncrementalRuns(source, last, due, notDue);
    }

    /// <summary>
    /// <paramref name="process"/> with the app's <c>Clock:Now</c> at 18:00 New York time on <paramref name="session"/>:
    /// its close has passed, the next session's has not.
    /// </summary>
    private static ChildProcess AsOf(ChildProcess process, DateOnly session)
    {
        var local = session.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Unspecified);
        var utc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, TradingCalendar.NewYork), TimeSpan.Zero);
        return process.With("Clock__Now", utc.ToString("o", CultureInfo.InvariantCulture));
    }

    private async Task<PipelineRun> RunAsync(
        string scenario, int repeat, LakeFolder lake, IReadOnlyList<string> args, CancellationToken ct, ChildProcess? process = null)
    {
        Directory.CreateDirectory(lake.Root);
        var before = RunSummaryFile.RunFolders(lake.Artifacts);
        var log = Path.Combine(workFolder, "logs", $"{scenario.Replace(' ', '-')}-{repeat}.log");
        var measured = await (process ?? _process).RunDotnetAsync(args, log, ct);
        var summary = RunSummaryFile.ReadNew(lake.Artifacts, before);
        var run = new PipelineRun(scenario, repeat, measured.Wall.TotalSeconds, measured.PeakRssKb / 1024.0, summary);
        var stages = string.Join(", ", summary.Stages.Select(s => $"{s.Stage} {s.DurationMs / 1000:F2}"));
        Progress.Report(
            $"{scenario} #{repeat}: {run.WallSeconds:F2} s, peak {run.PeakRssMiB:F0} MiB, {run.PartitionsWritten} partitions written ({stages} s)");
        return run;
    }
}
