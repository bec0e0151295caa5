using MlRisk.Core.Contracts;

namespace MlRisk.Core.Explain;

/// <summary>
/// One explained forecast: rv_5d_hat, the raw log output it came from, the SHAP expected value and the
/// top drivers (SHAP in log-rv units; expected value plus all 14 SHAP values equal <see cref="LogOutput"/>).
/// </summary>
public sealed record Forecast(double Rv5dHat, double LogOutput, double ExpectedValue, IReadOnlyList<Driver> Drivers);
