namespace MlRisk.Core.Pipeline;

/// <summary>
/// A stage that did its work and then failed on its outcome (train: a model that failed the gate with nothing else to
/// serve). The run summary keeps <see cref="Partial"/>, so what the stage decided and measured is not lost with it.
/// </summary>
public sealed class StageFailedException(string message, StageResult partial) : Exception(message)
{
    public StageResult Partial => partial;
}
