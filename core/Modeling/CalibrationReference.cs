namespace MlRisk.Core.Modeling;

/// <summary>
/// What a fold's distribution is scored against, fitted on the fold's training rows: intervals of constant log
/// width (the base's empirical residual quantiles around the same center, without the scale model), and the
/// climatology of the regimes (their frequencies in the training window).
/// </summary>
public sealed record CalibrationReference(
    double ConstantQ05, double ConstantQ10, double ConstantQ90, double ConstantQ95,
    double ClimatologyCalm, double ClimatologyNormal, double ClimatologyElevated, double ClimatologyStressed)
{
    public IReadOnlyList<double> Climatology => [ClimatologyCalm, ClimatologyNormal, ClimatologyElevated, ClimatologyStressed];
}
