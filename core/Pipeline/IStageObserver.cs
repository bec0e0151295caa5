namespace MlRisk.Core.Pipeline;

/// <summary>
/// Told as each stage of a run starts and ends, for a person watching (the console's stage lines); the runner's
/// log events are the record machines read.
/// </summary>
public interface IStageObserver
{
    void StageStarted(StageName stage);

    void StageFinished(StageSummary summary);
}
