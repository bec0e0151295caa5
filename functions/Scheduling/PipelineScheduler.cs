using Cronos;
using MlRisk.Core.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MlRisk.Functions.Scheduling;

/// <summary>
/// The standalone host's stand-in for the Functions timers: fires every <see cref="PipelineJob"/> on the same
/// schedule settings (UTC cron, Cronos). Jobs run one after another, never overlapping, so two jobs due at the
/// same minute run in the order of <see cref="PipelineJob.All"/>. A failing job is logged and the schedule goes on,
/// as a Functions timer would.
/// </summary>
public sealed class PipelineScheduler(
    IPipelineTrigger trigger,
    IOptions<ScheduleOptions> options,
    TimeProvider time,
    ILogger<PipelineScheduler> log) : BackgroundService
{
    /// <summary>How late a firing may start before it is logged as past due, like the Functions timer's IsPastDue.</summary>
    private static readonly TimeSpan PastDueAfter = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var jobs = new (PipelineJob Job, CronExpression Cron)[PipelineJob.All.Count];
        for (var i = 0; i < jobs.Length; i++)
        {
            var job = PipelineJob.All[i];
            jobs[i] = (job, CronExpression.Parse(options.Value.ScheduleOf(job), CronFormat.IncludeSeconds));
            log.LogInformation("Scheduled {Job} with {ScheduleSetting} = {Schedule} (UTC)",
                job.Name, job.ScheduleSetting, options.Value.ScheduleOf(job));
        }

        var after = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = NextFiring(jobs, after);
            if (next is null)
            {
                log.LogWarning("No schedule has a future occurrence; the scheduler stops");
                return;
            }
            var delay = next.Value - time.GetUtcNow();
            try
            {
                if (delay > TimeSpan.Zero) await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // The host is stopping: waiting for the next firing is not a failure.
                return;
            }

            foreach (var (job, cron) in jobs)
            {
                if (cron.GetNextOccurrence(after.UtcDateTime, inclusive: false) != next.Value.UtcDateTime) continue;
                var isPastDue = time.GetUtcNow() - next.Value > PastDueAfter;
                await FireAsync(job, isPastDue, stoppingToken);
            }
            after = next.Value;
        }
    }

    private async Task FireAsync(PipelineJob job, bool isPastDue, CancellationToken ct)
    {
        log.LogInformation("Timer {Job} fired (IsPastDue = {IsPastDue})", job.Name, isPastDue);
        try
        {
            await trigger.RunAsync(job.Stages, "timer:" + job.Name, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogError(e, "Timer {Job} failed; its stages run again at the next firing", job.Name);
        }
    }

    private static DateTimeOffset? NextFiring((PipelineJob Job, CronExpression Cron)[] jobs, DateTimeOffset after)
    {
        DateTime? earliest = null;
        foreach (var (_, cron) in jobs)
        {
            var next = cron.GetNextOccurrence(after.UtcDateTime, inclusive: false);
            if (next is { } n && (earliest is null || n < earliest)) earliest = n;
        }
        return earliest is { } e ? new DateTimeOffset(e, TimeSpan.Zero) : null;
    }
}
