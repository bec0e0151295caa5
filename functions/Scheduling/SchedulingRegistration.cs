using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MlRisk.Functions.Scheduling;

/// <summary>The schedules of the timer jobs, for both hosts, and the in-process scheduler the standalone host adds.</summary>
public static class SchedulingRegistration
{
    /// <summary>The schedule settings (validated at start) and the RunOnStartup run, which both hosts honour.</summary>
    public static IHostApplicationBuilder AddMlRiskSchedules(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ScheduleOptions>().Bind(builder.Configuration).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ScheduleOptions>, ScheduleOptionsValidator>();
        builder.Services.AddHostedService<StartupRun>();
        return builder;
    }

    /// <summary>The standalone host's in-process timers; the Functions host has its own.</summary>
    public static IHostApplicationBuilder AddMlRiskScheduler(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHostedService<PipelineScheduler>();
        return builder;
    }
}
