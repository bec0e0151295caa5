using MlRisk.Core.Modeling.LightGbm;
namespace MlRisk.Core.Modeling;

/// <summary>
/// metadata.json of a registered model: what it was trained on, how, how well it did out of sample, the
/// gate's verdict, and the parts of the model that live outside LightGBM's model.txt (the log-HAR base and
/// the predictive distribution: scale coefficients, shock grid, return tail, regime cuts), so the registry alone can rebuild the
/// served model exactly.
/// </summary>
public sealed record ModelMetadata
{
    /// <summary>
    /// The shape of this record and the meaning of what the model forecasts. It is part of every model's version, so
    /// a registry written by an older definition is never read as this one: the next train stage fits a new version.
    /// </summary>
    /// <remarks>2: rv_5d_hat is the predictive mean E[rv_5d] (before: exp of the log forecast with a variance bias),
    /// with var_5d_hat, quantiles, regime probabilities and VaR/ES from the predictive distribution.
    /// 3: the distribution is fitted on the base's out-of-sample errors inside the window, VaR/ES come from a fitted
    /// tail (<see cref="ModelMetadata.ReturnTail"/> replaces the return-shock grid), and the trees may be dropped.
    /// 4: the base's daily term is ln |r1|·√5 (it was |r1|·√5, in levels), and a feature-dependent spread is kept only
    /// when significantly better on the held-out year.
    /// 5: that choice compares spreads fitted on the base's forward errors, as the served one is (it used in-sample residuals).</remarks>
    public const string Definition = "5";

    /// <summary>The <see cref="Definition"/> this model was trained under, recorded in metadata.json and checked on read.</summary>
    public string ModelDefinition { get; init; } = Definition;

    public required string Version { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateOnly TrainingFrom { get; init; }
    public required DateOnly TrainingTo { get; init; }
    public required int TrainingRows { get; init; }
    public required string TrainingFingerprint { get; init; }
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>Each feature's range over the training rows: /predict warns about inputs outside it.</summary>
    public required IReadOnlyList<FeatureRange> FeatureRanges { get; init; }
    public required BoosterParameters Parameters { get; init; }
    public required string LightGbmParameters { get; init; }
    public required int Seed { get; init; }
    public required string LightGbmVersion { get; init; }
    public required int BoostingRounds { get; init; }
    public required IReadOnlyList<double> BaseCoefficients { get; init; }
    public required IReadOnlyList<double> BaseMeans { get; init; }
    /// <summary>γ of the <see cref="ScaleModel"/>: s(x) = exp(½ γ·g(x)).</summary>
    public required IReadOnlyList<double> ScaleCoefficients { get; init; }

    /// <summary>The standardized log-vol errors ε as a quantile grid.</summary>
    public required IReadOnlyList<double> Shocks { get; init; }

    /// <summary>The lower tail of the standardized 5-session returns, for VaR and ES.</summary>
    public required ReturnTail ReturnTail { get; init; }

    /// <summary>The annualized-volatility cut points between the four regimes this model's probabilities use.</summary>
    public required IReadOnlyList<double> RegimeCuts { get; init; }
    public required WalkForwardOptions WalkForward { get; init; }
    public required int ValidationSessions { get; init; }
    public required int Folds { get; init; }
    public required AccuracyTable Accuracy { get; init; }

    /// <summary>Interval coverage and scores, regime RPS and the VaR backtests of the walk-forward's distributions.</summary>
    public required CalibrationTable Calibration { get; init; }
    public required GateDecision Gate { get; init; }

    /// <summary>The comparison with the champion served when this model was trained; null when there was none to compare.</summary>
    public ChallengerDecision? Challenge { get; init; }

    /// <summary>Why it was trained (the train stage's decision: cadence, monitor alert, forced, no champion); null when trained directly.</summary>
    public string? TrainedBecause { get; init; }

    /// <summary>Whether this model may be served: it passed the gate and was not significantly worse than the champion.</summary>
    public bool Promotable => Gate.Passed && (Challenge?.Passed ?? true);
}
