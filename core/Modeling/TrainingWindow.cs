namespace MlRisk.Core.Modeling;

/// <summary>
/// What a stored model's metadata.json says about the rows it was trained on and how its walk-forward split them.
/// These fields have kept their names and meaning since model definition 1, so they are read from a model of any
/// definition: the lake keeps the forecasts older models made, and the monitor must still score each against the
/// training window of the model that made it.
/// </summary>
public sealed class TrainingWindow
{
    public required string Version { get; init; }
    public required DateOnly TrainingTo { get; init; }
    public required int TrainingRows { get; init; }
    public required WalkForwardOptions WalkForward { get; init; }
}
