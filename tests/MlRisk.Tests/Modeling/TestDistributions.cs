using MathNet.Numerics.Distributions;
using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;

namespace MlRisk.Tests.Modeling;

/// <summary>
/// A real <see cref="PredictiveDistribution"/> with round parameters for tests that need forecasts with a
/// distribution but not a trained model: ln rv_5d = center + 0.3 ε with ε standard normal and the return tail fitted on
/// standard normal return shocks.
/// </summary>
public static class TestDistributions
{
    public static readonly PredictiveDistribution LogNormal = new(
        new ScaleModel([Math.Log(0.3 * 0.3), 0, 0, 0, 0, 0]),
        StandardNormal(), ReturnTail.Fit([.. StandardNormal().Values]), Regimes.DefaultCuts);

    /// <summary>The distribution whose median is <paramref name="median"/>.</summary>
    public static ForecastDistribution Around(double median) =>
        LogNormal.Describe(Math.Log(median), FeatureVector.Create(new double[FeatureNames.Count]).AsSpan());

    private static QuantileGrid StandardNormal() =>
        new([.. Enumerable.Range(0, QuantileGrid.DefaultSize).Select(k => Normal.InvCDF(0, 1, (k + 0.5) / QuantileGrid.DefaultSize))]);
}
