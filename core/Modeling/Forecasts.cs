namespace MlRisk.Core.Modeling;

/// <summary>Argument checks shared by the loss functions.</summary>
internal static class Forecasts
{
    public static void CheckPaired(ReadOnlySpan<double> realized, ReadOnlySpan<double> forecast, string metric)
    {
        if (realized.Length == 0) throw new ArgumentException($"{metric} of no forecasts is undefined");
        if (realized.Length != forecast.Length)
        {
            throw new ArgumentException($"{metric}: {realized.Length} realized values but {forecast.Length} forecasts");
        }
    }
}
