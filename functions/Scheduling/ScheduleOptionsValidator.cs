using Cronos;
using Microsoft.Extensions.Options;

namespace MlRisk.Functions.Scheduling;

/// <summary>Fails start-up when a schedule setting is not a six-field cron expression, naming the setting.</summary>
public sealed class ScheduleOptionsValidator : IValidateOptions<ScheduleOptions>
{
    public ValidateOptionsResult Validate(string? name, ScheduleOptions options)
    {
        var failures = new List<string>();
        foreach (var job in PipelineJob.All)
        {
            var expression = options.ScheduleOf(job);
            if (!CronExpression.TryParse(expression, CronFormat.IncludeSeconds, out _))
            {
                failures.Add(
                    $"Setting '{job.ScheduleSetting}' = '{expression}' is not a six-field cron expression " +
                    "(second minute hour day month weekday, UTC), e.g. '0 30 22 * * 1-5'.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
