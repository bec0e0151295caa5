namespace MlRisk.Core.Modeling;

/// <summary>
/// Whether a candidate that passed the gate may replace the served champion: not when it is significantly worse on
/// their common out-of-sample dates by the Diebold–Mariano test on the QLIKE loss of var_5d_hat (one-sided, HAC lag 4).
/// </summary>
public sealed record ChallengerDecision(
    string ChampionVersion, int CommonRows, int Lag, double MeanLossDifference, double Statistic, double PValue,
    double Significance, bool Passed, string Summary);
