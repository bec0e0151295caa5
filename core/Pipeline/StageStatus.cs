namespace MlRisk.Core.Pipeline;

public enum StageStatus
{
    Succeeded,
    Failed,
}
