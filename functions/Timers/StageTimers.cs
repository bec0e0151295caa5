using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using MlRisk.Core.Pipeline;
using MlRisk.Functions.Scheduling;

namespace MlRisk.Functions.Timers;

/// <summary>
/// The timer functions of the Functions host, one per <see cref="PipelineJob"/>, each on its schedule app
/// setting. Stages are idempotent (DESIGN §2), so a past-due or repeated firing only does what is pending;
/// it is logged and run all the same. A failing stage fails the invocation, which the host logs and retries
/// at the next firing. So does a firing that finds the lake locked by another run (after Lake:LockWait): the
/// invocation fails with <see cref="MlRisk.Core.Lake.LakeLockedException"/> and runs nothing.
/// </summary>
public sealed class StageTimers(IPipelineTrigger trigger, ILogger<StageTimers> log)
{
    [Function("Ingest")]
    public Task Ingest([TimerTrigger("%IngestSchedule%")] TimerInfo timer, CancellationToken ct) =>
        RunAsync(PipelineJob.Ingest, timer, ct);

    [Function("Features")]
    public Task Features([TimerTrigger("%FeaturesSchedule%")] TimerInfo timer, CancellationToken ct) =>
        RunAsync(PipelineJob.Features, timer, ct);

    [Function("Labels")]
    public Task Labels([TimerTrigger("%LabelsSchedule%")] TimerInfo timer, CancellationToken ct) =>
        RunAsync(PipelineJob.Labels, timer, ct);

    [Function("Train")]
    public Task Train([TimerTrigger("%TrainSchedule%")] TimerInfo timer, CancellationToken ct) =>
        RunAsync(PipelineJob.Train, timer, ct);

    [Function("Infer")]
    public Task Infer([TimerTrigger("%InferSchedule%")] TimerInfo timer, CancellationToken ct) =>
        RunAsync(PipelineJob.Infer, timer, ct);

    [Function("Monitor")]
    public Task Monitor([TimerTrigger("%MonitorSchedule%")] TimerInfo timer, CancellationToken ct) =>
        RunAsync(PipelineJob.Monitor, timer, ct);

    /// <summary>All stages in order. Its start-up run comes from the RunOnStartup setting via <see cref="StartupRun"/>.</summary>
    [Function("DailyRun")]
    public Task DailyRun([TimerTrigger("%DailyRunSchedule%")] TimerInfo timer, CancellationToken ct) =>
        RunAsync(PipelineJob.DailyRun, timer, ct);

    private Task RunAsync(PipelineJob job, TimerInfo timer, CancellationToken ct)
    {
        log.LogInformation("Timer {Job} fired (IsPastDue = {IsPastDue}, next {Next})",
            job.Name, timer.IsPastDue, timer.ScheduleStatus?.Next);
        return trigger.RunAsync(job.Stages, "timer:" + job.Name, ct);
    }
}
