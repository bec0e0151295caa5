using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Core.Modeling;

/// <summary>Settings of the train and infer stages, bound from the "Modeling" configuration section.</summary>
public sealed class ModelingOptions
{
    public const string Section = "Modeling";

    [ValidateObjectMembers]
    public WalkForwardOptions WalkForward { get; set; } = new();

    /// <summary>Tree parameters; <see cref="BoosterParameters.Iterations"/> is the most rounds the in-window validation may pick.</summary>
    [ValidateObjectMembers]
    public BoosterParameters Booster { get; set; } = new();

    /// <summary>
    /// The last sessions of every training window held out (after a purge) to pick the number of boosting
    /// rounds and to choose between a varying and a constant spread on rows the model did not see. 252 sessions is a year.
    /// </summary>
    [Range(20, 10_000)]
    public int ValidationSessions { get; set; } = 252;

    /// <summary>
    /// The three annualized-volatility cut points between calm, normal, elevated and stressed (default 0.12, 0.20,
    /// 0.30). Null means the default; an array, because configuration binding appends to a pre-filled list.
    /// </summary>
    public double[]? RegimeCuts { get; set; }

    /// <summary>The cut points in force.</summary>
    public IReadOnlyList<double> Cuts => RegimeCuts ?? Regimes.DefaultCuts;

    /// <summary>
    /// A candidate that passed the gate replaces the champion unless the Diebold–Mariano test finds it worse at this
    /// one-sided significance level on their common out-of-sample dates.
    /// </summary>
    [Range(0.0001, 0.5)]
    public double ChallengerSignificance { get; set; } = 0.05;

    /// <summary>The gate: a model is served only if its QLIKE or RMSE beats the baseline's by this fraction.</summary>
    [Range(0.0, 1.0)]
    public double GateMargin { get; set; } = 0.02;
}
