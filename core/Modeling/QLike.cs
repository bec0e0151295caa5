namespace MlRisk.Core.Modeling;

/// <summary>
/// QLIKE on variances (Patton 2011): QLIKE = mean( y^2/f^2 - ln(y^2/f^2) - 1 ), y = realized rv_5d,
/// f = forecast rv_5d. Zero for a perfect forecast; punishes under-forecasting risk harder than over-forecasting.
/// </summary>
public static class QLike
{
    /// <summary>One date's QLIKE loss of a variance forecast v for the realized rv_5d y: y²/v − ln(y²/v) − 1.</summary>
    public static double Loss(double realized, double variance)
    {
        var ratio = realized * realized / variance;
        return ratio - Math.Log(ratio) - 1.0;
    }

    public static double Compute(ReadOnlySpan<double> realized, ReadOnlySpan<double> forecast)
    {
        Forecasts.CheckPaired(realized, forecast, "QLIKE");
        var sum = 0.0;
        for (var i = 0; i < realized.Length; i++)
        {
            if (forecast[i] <= 0.0 || realized[i] <= 0.0)
            {
                throw new ArgumentException(
                    $"QLIKE needs positive realized and forecast values; row {i} has realized {realized[i]} and forecast {forecast[i]}");
            }
            var ratio = realized[i] * realized[i] / (forecast[i] * forecast[i]);
            sum += ratio - Math.Log(ratio) - 1.0;
        }
        return sum / realized.Length;
    }
}
