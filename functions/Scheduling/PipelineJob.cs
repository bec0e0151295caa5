using MlRisk.Core.Pipeline;

namespace MlRisk.Functions.Scheduling;

/// <summary>
/// A timer-fired unit of work: the stages it runs, in order, and the app setting holding its schedule.
/// The Functions timer functions and the standalone scheduler both fire exactly these jobs.
/// </summary>
public sealed record PipelineJob(string Name, string ScheduleSetting, IReadOnlyList<StageName> Stages)
{
    public static readonly PipelineJob Ingest = new("Ingest", "IngestSchedule", [StageName.Ingest]);
    public static readonly PipelineJob Features = new("Features", "FeaturesSchedule", [StageName.Features]);
    public static readonly PipelineJob Labels = new("Labels", "LabelsSchedule", [StageName.Labels]);
    public static readonly PipelineJob Train = new("Train", "TrainSchedule", [StageName.Train]);
    public static readonly PipelineJob Infer = new("Infer", "InferSchedule", [StageName.Infer]);
    public static readonly PipelineJob Monitor = new("Monitor", "MonitorSchedule", [StageName.Monitor]);

    /// <summary>Every stage in pipeline order: fills an empty lake at start-up and repairs any missed weekday timer.</summary>
    public static readonly PipelineJob DailyRun = new(
        "DailyRun", "DailyRunSchedule",
        [StageName.Ingest, StageName.Features, StageName.Labels, StageName.Train, StageName.Infer, StageName.Monitor]);

    public static readonly IReadOnlyList<PipelineJob> All = [Ingest, Features, Labels, Train, Infer, Monitor, DailyRun];
}
