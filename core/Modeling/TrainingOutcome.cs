namespace MlRisk.Core.Modeling;

/// <summary>
/// What a training run did: the version it produced, whether that version was new to the registry, the
/// out-of-sample accuracy, the gate's verdict, and whether champion.json now points at it.
/// </summary>
public sealed record TrainingOutcome(string Version, bool Stored, AccuracyTable Accuracy, GateDecision Gate, bool Promoted)
{
    /// <summary>Walk-forward folds taken from the fold cache instead of refitted (0 when the version was already stored).</summary>
    public int FoldsReused { get; init; }
}
