using MlRisk.Core.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MlRisk.Functions.Scheduling;

/// <summary>
/// Runs <see cref="PipelineJob.DailyRun"/> once at start-up when RunOnStartup is true, in both hosts.
/// The Functions timer's own RunOnStartup is a compile-time attribute value, not a setting, so this hosted
/// service is what makes it configurable. The host keeps serving if the run fails: /health and the 503 from
/// /predict then say why.
/// </summary>
public sealed class StartupRun(
    IPipelineTrigger trigger,
    IOptions<ScheduleOptions> options,
    ILogger<StartupRun> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunOnStartup) return;

        // Let the host finish starting (and the Functions worker connect) before a long run begins.
        await Task.Yield();
        log.LogInformation("RunOnStartup is set: running {Job}", PipelineJob.DailyRun.Name);
        try
        {
            await trigger.RunAsync(PipelineJob.DailyRun.Stages, "startup:" + PipelineJob.DailyRun.Name, stoppingToken);
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogError(e, "The start-up {Job} failed; the API keeps serving what the lake holds", PipelineJob.DailyRun.Name);
        }
    }
}
