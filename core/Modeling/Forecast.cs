using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// One explained forecast: the predictive distribution of rv_5d (5-day, not annualized) and the top 3 drivers by
/// |SHAP|, largest first. SHAP explains the center μ(x) of ln rv_5d (log-rv units), not the spread around it.
/// </summary>
public sealed record Forecast(ForecastDistribution Distribution, IReadOnlyList<Driver> Drivers)
{
    /// <summary>E[rv_5d]: the point forecast.</summary>
    public double Rv5dHat => Distribution.Rv5dHat;
}
