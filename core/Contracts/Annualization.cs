namespace MlRisk.Core.Contracts;

/// <summary>Converts a 5-day volatility to the annualized figure the dashboard labels: rv_5d · sqrt(252 / 5).</summary>
public static class Annualization
{
    public static readonly double Factor = Math.Sqrt(252.0 / 5.0);

    public static double Annualize(double rv5d) => rv5d * Factor;
}
