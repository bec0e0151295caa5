namespace MlRisk.Core.Modeling;

/// <summary>
/// Maps a log forecast back to a volatility: exp(E[ln y]) is the median of y, which under-forecasts the mean
/// and, worse for QLIKE, the variance. With in-window residuals e = ln y - ln f, the smearing estimate
/// (Duan 1983) for the variance is E[y^2] = f^2 mean(exp(2e)), so the log bias is 1/2 ln mean(exp(2e)),
/// which matches QLIKE, the loss that measures variance forecasts.
/// </summary>
public static class BiasCorrection
{
    public static double LogBias(ReadOnlySpan<double> logRealized, ReadOnlySpan<double> logFitted)
    {
        if (logRealized.Length == 0 || logRealized.Length != logFitted.Length)
        {
            throw new ArgumentException($"bias correction needs paired residuals, got {logRealized.Length} and {logFitted.Length}");
        }
        var sum = 0.0;
        for (var i = 0; i < logRealized.Length; i++) sum += Math.Exp(2.0 * (logRealized[i] - logFitted[i]));
        return 0.5 * Math.Log(sum / logRealized.Length);
    }
}
