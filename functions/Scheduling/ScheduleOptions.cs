namespace MlRisk.Functions.Scheduling;

/// <summary>
/// Timer schedules as app settings at the configuration root, the names the Functions host resolves in
/// <c>[TimerTrigger("%IngestSchedule%")]</c>. Six-field cron (second minute hour day month weekday), UTC,
/// the NCRONTAB form both the Functions host and Cronos read. Defaults: weekday stages after the US close
/// (16:00 New York is 21:00 UTC in winter, 20:00 in summer), a few minutes apart so each finds its input
/// (train every weekday too: it decides itself whether a model is due, and costs nothing when none is); the whole chain again on Saturday morning, when no new data can arrive, so a
/// weekday timer that failed is repaired before Monday.
/// </summary>
public sealed class ScheduleOptions
{
    public string IngestSchedule { get; set; } = "0 30 22 * * 1-5";
    public string FeaturesSchedule { get; set; } = "0 35 22 * * 1-5";
    public string LabelsSchedule { get; set; } = "0 40 22 * * 1-5";
    public string TrainSchedule { get; set; } = "0 45 22 * * 1-5";
    public string InferSchedule { get; set; } = "0 50 22 * * 1-5";
    public string MonitorSchedule { get; set; } = "0 55 22 * * 1-5";
    public string DailyRunSchedule { get; set; } = "0 0 6 * * 6";

    /// <summary>Run <see cref="PipelineJob.DailyRun"/> once when the app starts (fills an empty /data on the first docker compose up).</summary>
    public bool RunOnStartup { get; set; }

    public string ScheduleOf(PipelineJob job) => job.ScheduleSetting switch
    {
        "IngestSchedule" => IngestSchedule,
        "FeaturesSchedule" => FeaturesSchedule,
        "LabelsSchedule" => LabelsSchedule,
        "TrainSchedule" => TrainSchedule,
        "InferSchedule" => InferSchedule,
        "MonitorSchedule" => MonitorSchedule,
        "DailyRunSchedule" => DailyRunSchedule,
        _ => throw new ArgumentException($"No schedule setting named '{job.ScheduleSetting}' for job {job.Name}.", nameof(job)),
    };
}
