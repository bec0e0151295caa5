using MlRisk.Core.Calendar;

namespace MlRisk.Bench.EndToEnd;

/// <summary>
/// The end-to-end timings, each a real process of the built app: a cold full run into empty folders, the same
/// command again (nothing pending: the no-op re-run), and an incremental run that adds one session to a lake.
/// </summary>
public sealed class PipelineScenarios(BenchSettings settings, string workFolder, TimeProvider time)
{
    private readonly ChildProcess _process = new(settings.Root, new Dictionary<string, string> { ["MLRISK_CONTENT_ROOT"] = settings.Root });

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

    /// <summary>
    /// Builds a synthetic lake as of the session before the last completed one (clock pinned by <see cref="PinnedRun"/>),
    /// then, <see cref="BenchSettings.Runs"/> times, copies it and runs as of the last completed session: one new
    /// session through every stage, including the retraining its new label triggers.
    /// </summary>
    public async Task<(DateOnly Session, IReadOnlyList<PipelineRun> Runs)> IncrementalAsync(CancellationToken ct)
    {
        var last = TradingCalendar.LastCompletedSession(time.GetUtcNow());
        var previous = TradingCalendar.SessionsBefore(last, 1);
        var bench = typeof(PinnedRun).Assembly.Location;

        var baseLake = new LakeFolder(Path.Combine(workFolder, "incremental-base"));
        baseLake.Delete();
        await RunAsync($"incremental base as of {previous:yyyy-MM-dd}", 0, baseLake,
            [bench, PinnedRun.Verb, $"{previous:yyyy-MM-dd}", .. baseLake.RunOptions], ct);

        var runs = new List<PipelineRun>();
        for (var repeat = 1; repeat <= settings.Runs; repeat++)
        {
            var lake = baseLake.CopyTo(Path.Combine(workFolder, $"incremental-{repeat}"));
            Progress.Report($"copied the base lake to {lake.Root}");
            runs.Add(await RunAsync($"incremental {last:yyyy-MM-dd}", repeat, lake,
                [bench, PinnedRun.Verb, $"{last:yyyy-MM-dd}", .. lake.RunOptions], ct));
            lake.Delete();
        }
        baseLake.Delete();
        return (last, runs);
    }

    private async Task<PipelineRun> RunAsync(string scenario, int repeat, LakeFolder lake, IReadOnlyList<string> args, CancellationToken ct)
    {
        Directory.CreateDirectory(lake.Root);
        var before = RunSummaryFile.RunFolders(lake.Artifacts);
        var log = Path.Combine(workFolder, "logs", $"{scenario.Replace(' ', '-')}-{repeat}.log");
        var measured = await _process.RunDotnetAsync(args, log, ct);
        var summary = RunSummaryFile.ReadNew(lake.Artifacts, before);
        var run = new PipelineRun(scenario, repeat, measured.Wall.TotalSeconds, measured.PeakRssKb / 1024.0, summary);
        var stages = string.Join(", ", summary.Stages.Select(s => $"{s.Stage} {s.DurationMs / 1000:F2}"));
        Progress.Report(
            $"{scenario} #{repeat}: {run.WallSeconds:F2} s, peak {run.PeakRssMiB:F0} MiB, {run.PartitionsWritten} partitions written ({stages} s)");
        return run;
    }
}
