namespace MlRisk.Core.Modeling;

/// <summary>
/// QLIKE on variances (Patton 2011): QLIKE = mean( y^2/f^2 - ln(y^2/f^2) - 1 ), y = realized rv_5d,
/// f = forecast rv_5d. Zero for a perfect forecast; punishes under-forecasting risk harder than over-forecasting.
/// A realized rv_5d of 0 (five unchanged closes) has no QLIKE (ln 0): every QLIKE here, the walk-forward's, the
/// challenger test's, the spread choice's and the live one's, leaves such a date out (<see cref="IsDefinedFor"/>).
/// </summary>
public static class QLike
{
    /// <summary>Whether a date with this realized rv_5d has a QLIKE loss.</summary>
    public static bool IsDefinedFor(double realized) => realized > 0.0;

    /// <summary>One date's QLIKE loss of a variance forecast v for the realized rv_5d y: y²/v − ln(y²/v) − 1.</summary>
    public static double Loss(double realized, double variance)
    {
        var ratio = realized * realized / variance;
        return ratio - Math.Log(ratio) - 1.0;
    }

    /// <summary>The mean loss over the dates with a QLIKE (<see cref="IsDefinedFor"/>).</summary>
    public static double Compute(ReadOnlySpan<double> realized, ReadOnlySpan<double> forecast)
    {
        Forecasts.CheckPaired(realized, forecast, "QLIKE");
        var sum = 0.0;
        var scored = 0;
        for (var i = 0; i < realized.Length; i++)
        {
            if (!(forecast[i] > 0.0) || !(realized[i] >= 0.0))
            {
                throw new ArgumentException(
                    $"QLIKE needs a positive forecast and a non-negative realized value; row {i} has realized {realized[i]} and forecast {forecast[i]}");
            }
            if (!IsDefinedFor(realized[i])) continue;
            sum += Loss(realized[i], forecast[i] * forecast[i]);
            scored++;
        }
        if (scored == 0) throw new ArgumentException($"QLIKE needs a date with a positive realized rv_5d; all {realized.Length} are 0");
        return sum / scored;
    }
}
