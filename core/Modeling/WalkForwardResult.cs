namespace MlRisk.Core.Modeling;

/// <summary>Everything a walk-forward run produced: its folds, every out-of-sample prediction and the scores over all of them.</summary>
public sealed record WalkForwardResult(
    IReadOnlyList<WalkForwardFold> Folds, IReadOnlyList<OutOfSamplePrediction> Predictions, AccuracyTable Accuracy, CalibrationTable Calibration);
