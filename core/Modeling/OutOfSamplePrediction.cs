using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// One walk-forward test row: the model's predictive distribution and the benchmarks' forecasts, all fitted without
/// this date; the realized rv_5d and 5-session return; where the realized rv_5d fell in the distribution (its
/// probability integral transform); the model's top drivers from the fold's own trees; and the
/// references the distribution is scored against, fitted on the same training rows.
/// </summary>
public sealed record OutOfSamplePrediction(
    DateOnly Date, int Fold, ForecastDistribution Distribution, double Baseline, double HarRv, double HarX, double Realized,
    double RealizedReturn, double Pit, IReadOnlyList<Driver> Drivers, CalibrationReference Reference)
{
    /// <summary>The model's point forecast E[rv_5d].</summary>
    public double Model => Distribution.Rv5dHat;
}
