using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MlRisk.Core.Lake;

namespace MlRisk.Core.Pipeline;

/// <summary>
/// Runs stages in order under the lake's run lock, sharing dataset listings and decoded partitions between stages
/// (see <see cref="LakeRunCache"/>): one log event per stage start and end (the run id comes
/// from a logging scope, so it is on every event of the run, including the stages' own), the same start and end
/// told to each <see cref="IStageObserver"/>, and a run summary.
/// </summary>
public sealed class PipelineRunner(
    IEnumerable<IStage> stages,
    ILakeStorage storage,
    LakeRunCache runCache,
    IRunSummaryStore summaries,
    TimeProvider time,
    IEnumerable<IStageObserver> observers,
    ILogger<PipelineRunner> log)
{
    private readonly Dictionary<StageName, IStage> _stages = stages.ToDictionary(s => s.Name);
    private readonly IStageObserver[] _observers = [.. observers];

    /// <summary>The registered stages in execution order.</summary>
    public IReadOnlyList<StageName> Stages => [.. _stages.Keys.Order()];

    /// <summary>
    /// Runs <paramref name="stages"/> in the given order, stopping at the first failure. A failed stage does not
    /// throw: the summary says Failed with the error. Throws <see cref="LakeLockedException"/> when another run holds the lake.
    /// </summary>
    public async Task<RunSummary> RunAsync(IReadOnlyList<StageName> stages, string trigger, CancellationToken ct)
    {
        var missing = stages.Where(s => !_stages.ContainsKey(s)).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"Stage(s) {string.Join(", ", missing)} are not registered; registered: {string.Join(", ", Stages)}.", nameof(stages));
        }

        var started = time.GetUtcNow();
        // Milliseconds: a no-op run takes well under a second, and the latest run is the greatest id.
        var runId = $"{started:yyyyMMdd'T'HHmmssfff'Z'}-{Guid.NewGuid().ToString("N")[..8]}";
        using var scope = log.BeginScope(new Dictionary<string, object> { ["RunId"] = runId, ["Trigger"] = trigger });
        await using var runLock = await storage.AcquireRunLockAsync($"run {runId} ({trigger}, started {started:u})", ct);
        using var cached = runCache.BeginRun();
        log.LogInformation("Run started: stages {Stages}", stages.Select(s => s.ToString()));

        var done = new List<StageSummary>();
        string? error = null;
        foreach (var name in stages)
        {
            foreach (var observer in _observers) observer.StageStarted(name);
            var summary = await RunStageAsync(_stages[name], ct);
            foreach (var observer in _observers) observer.StageFinished(summary);
            done.Add(summary);
            if (summary.Status == StageStatus.Failed)
            {
                error = $"{name}: {summary.Error}";
                break;
            }
        }

        var status = error is null ? StageStatus.Succeeded : StageStatus.Failed;
        var run = new RunSummary(runId, trigger, started, time.GetUtcNow(), status, done, error);
        await summaries.WriteAsync(run, CancellationToken.None);
        log.LogInformation("Run finished {Status} in {DurationMs} ms", status, (run.FinishedUtc - started).TotalMilliseconds);
        return run;
    }

    private async Task<StageSummary> RunStageAsync(IStage stage, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var clock = time.GetTimestamp();
        log.LogInformation("Stage {Stage} started", stage.Name);
        try
        {
            var result = await stage.RunAsync(ct);
            var ms = time.GetElapsedTime(clock).TotalMilliseconds;
            log.LogInformation(
                "Stage {Stage} finished in {DurationMs} ms: {RowsRead} rows read, {RowsWritten} rows written, "
                + "{PartitionsWritten} partitions written, {PartitionsSkipped} skipped, {PartitionsRevised} revised ({Revisions} revisions)",
                stage.Name, Math.Round(ms, 1), result.RowsRead, result.RowsWritten,
                result.PartitionsWritten, result.PartitionsSkipped, result.PartitionsRevised, result.Revisions);
            return new StageSummary(stage.Name, StageStatus.Succeeded, started, ms, result, null);
        }
        catch (Exception e)
        {
            var ms = time.GetElapsedTime(clock).TotalMilliseconds;
            var message = e is OperationCanceledException ? "cancelled" : e.Message;
            log.LogError(e, "Stage {Stage} failed after {DurationMs} ms: {Error}", stage.Name, Math.Round(ms, 1), message);
            return new StageSummary(stage.Name, StageStatus.Failed, started, ms, (e as StageFailedException)?.Partial, message);
        }
    }
}
