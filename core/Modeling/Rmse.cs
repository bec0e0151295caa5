namespace MlRisk.Core.Modeling;

/// <summary>Root mean squared error on rv_5d: RMSE = sqrt( mean( (y - f)^2 ) ).</summary>
public static class Rmse
{
    public static double Compute(ReadOnlySpan<double> realized, ReadOnlySpan<double> forecast)
    {
        Forecasts.CheckPaired(realized, forecast, "RMSE");
        var sum = 0.0;
        for (var i = 0; i < realized.Length; i++)
        {
            var error = realized[i] - forecast[i];
            sum += error * error;
        }
        return Math.Sqrt(sum / realized.Length);
    }
}
