using MlRisk.Core.Contracts;

namespace MlRisk.Core.Serving;

/// <summary>A model's rv_5d forecast (5-day, not annualized) and its top 3 drivers by |SHAP|, largest first.</summary>
public sealed record Forecast(double Rv5dHat, IReadOnlyList<Driver> TopDrivers);
