using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;

namespace MlRisk.Tests.Modeling;

public sealed class RegimeReliabilityTests
{
    private static readonly double[] Cuts = [0.12, 0.20, 0.30];

    /// <summary>A date whose realized rv_5d annualizes to <paramref name="annualized"/>, forecast with these regime probabilities.</summary>
    private static OutOfSamplePrediction Date(double annualized, double calm, double normal, double elevated, double stressed) =>
        new(new DateOnly(2024, 6, 28), 0,
            new ForecastDistribution(0.02, 0.0005, 0.01, 0.012, 0.02, 0.03, 0.035, calm, normal, elevated, stressed, 0.04, 0.06, 0.05, 0.07),
            0.02, 0.02, 0.02, annualized / Annualization.Factor, 0.0, 0.5, [],
            new CalibrationReference(0.01, 0.012, 0.03, 0.035, 0.25, 0.25, 0.25, 0.25));

    [Fact]
    public void Each_regime_bins_its_forecast_probabilities_by_fifths_with_the_mean_forecast_and_how_often_it_came()
    {
        var dates = new[]
        {
            Date(0.10, 0.70, 0.30, 0.00, 0.00), // calm came
            Date(0.15, 0.65, 0.35, 0.00, 0.00), // normal came
            Date(0.10, 0.10, 0.80, 0.10, 0.00), // calm came
            Date(0.35, 0.00, 0.10, 0.30, 0.60), // stressed came
            Date(0.40, 0.00, 0.00, 0.00, 1.00), // stressed came, forecast with certainty
        };

        var diagrams = RegimeReliability.Of(dates, Cuts);

        Assert.Equal(Regimes.Names, diagrams.Select(d => d.Regime));
        var calm = diagrams[0];
        Assert.Equal(0.29, calm.MeanForecast, 12);
        Assert.Equal(0.4, calm.ObservedFrequency);
        // Calm forecast 0.10, 0.00 and 0.00 in [0, 0.2): it came once in three; 0.70 and 0.65 in [0.6, 0.8): once in two.
        Assert.Equal(
            [new ReliabilityBin(0.0, 0.2, 3, Math.Round(0.1 / 3, 12), 1.0 / 3), new ReliabilityBin(0.6, 0.8, 2, 0.675, 0.5)],
            calm.Bins.Select(b => b with { MeanForecast = Math.Round(b.MeanForecast, 12) }));
        // A probability of exactly 0.8 is in the last bin, [0.8, 1].
        Assert.Equal(new ReliabilityBin(0.8, 1.0, 1, 0.8, 0.0), diagrams[1].Bins[^1]);
        // Stressed forecast 1.0 is in the last bin too, beside 0.60 in [0.6, 0.8).
        Assert.Equal(0.32, diagrams[3].MeanForecast, 12);
        Assert.Equal(0.4, diagrams[3].ObservedFrequency);
        Assert.Equal(new ReliabilityBin(0.8, 1.0, 1, 1.0, 1.0), diagrams[3].Bins[^1]);
    }

    [Fact]
    public void The_calibration_table_carries_the_reliability_diagrams_of_its_rows()
    {
        // Six dates: the table's VaR backtest needs two non-overlapping 5-session windows.
        var dates = Enumerable.Repeat(new[] { Date(0.10, 0.70, 0.30, 0.00, 0.00), Date(0.35, 0.00, 0.10, 0.30, 0.60) }, 3).SelectMany(d => d).ToArray();

        Assert.Equivalent(RegimeReliability.Of(dates, Cuts), CalibrationTable.Score(dates, Cuts).Reliability, strict: true);
    }

    [Fact]
    public void The_calibration_table_refuses_fewer_rows_than_two_var_windows_need_naming_why()
    {
        var five = Enumerable.Repeat(Date(0.10, 0.70, 0.30, 0.00, 0.00), 5).ToArray();

        var error = Assert.Throws<ArgumentException>(() => CalibrationTable.Score(five, Cuts));

        Assert.StartsWith("calibration needs at least 6 out-of-sample rows (two 5-session windows for the VaR backtest), got 5", error.Message);
    }
}
