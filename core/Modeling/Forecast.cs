using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// One explained forecast: rv_5d_hat (5-day, not annualized) and its top 3 drivers by |SHAP|, largest first
/// (SHAP in log-rv units).
/// </summary>
public sealed record Forecast(double Rv5dHat, IReadOnlyList<Driver> Drivers);
