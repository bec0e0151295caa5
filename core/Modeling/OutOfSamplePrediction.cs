using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// One walk-forward test row: the forecasts of the model and the benchmarks, all fitted without this date,
/// the realized rv_5d, and the model's top drivers from the fold's own trees.
/// </summary>
public sealed record OutOfSamplePrediction(
    DateOnly Date, int Fold, double Model, double Baseline, double HarRv, double HarX, double Realized,
    IReadOnlyList<Driver> Drivers);
