using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// ln rv_5d = μ(x) + s(x)·ε: μ is the point model's log output, s the <see cref="ScaleModel"/>, and ε's distribution
/// the empirical one of the standardized training residuals of the base (no normality assumed: they are skewed and
/// heavy-tailed). The return shocks are the training window's R5 divided by the window's forecast scale √E[rv_5d²]
/// around the base's fit (filtered historical simulation); a date's VaR is their quantile times its √var_5d_hat around
/// μ. Their empirical left tail carries the leverage effect, the forecast's own error and the fat tails that a
/// variance alone does not.
/// Everything here is fitted on the training rows only.
/// </summary>
public sealed class PredictiveDistribution
{
    private readonly double[] _shocks;
    private readonly double[] _logCuts;

    public PredictiveDistribution(ScaleModel scale, QuantileGrid shocks, QuantileGrid returnShocks, IReadOnlyList<double> regimeCuts)
    {
        if (regimeCuts.Count != Regimes.Names.Count - 1)
        {
            throw new ArgumentException($"{Regimes.Names.Count} regimes need {Regimes.Names.Count - 1} cut points, got {regimeCuts.Count}", nameof(regimeCuts));
        }
        Scale = scale;
        Shocks = shocks;
        ReturnShocks = returnShocks;
        RegimeCuts = regimeCuts;
        _shocks = [.. shocks.Values];
        _logCuts = [.. regimeCuts.Select(c => Math.Log(c / Annualization.Factor))];
    }

    public ScaleModel Scale { get; }

    /// <summary>ε: standardized log-vol forecast errors.</summary>
    public QuantileGrid Shocks { get; }

    /// <summary>R5 / √E[rv_5d²]: standardized 5-session returns.</summary>
    public QuantileGrid ReturnShocks { get; }

    /// <summary>Annualized volatility cut points between the regimes.</summary>
    public IReadOnlyList<double> RegimeCuts { get; }

    /// <summary>
    /// Fits the scale, the shocks and the return shocks on training rows: <paramref name="logRv"/> = ln rv_5d,
    /// <paramref name="baseFit"/> the base's in-window forecast of it (six coefficients on hundreds of rows, so its
    /// residuals are honest estimates of out-of-sample error, which the trees' in-sample residuals are not), and
    /// <paramref name="ret5d"/> the realized R5 of each row; <paramref name="varyingScale"/> fits the
    /// <see cref="ScaleModel"/> on the features, otherwise one spread for every row.
    /// </summary>
    public static PredictiveDistribution Fit(
        ReadOnlySpan<double> features, ReadOnlySpan<double> logRv, ReadOnlySpan<double> baseFit, ReadOnlySpan<double> ret5d,
        IReadOnlyList<double> regimeCuts, bool varyingScale)
    {
        var (scale, shocks) = FitSpread(features, logRv, baseFit, varyingScale);
        double[] grid = [.. shocks.Values];
        var returnShocks = new double[logRv.Length];
        // Standardized around the base's fit, not the trees': like the shocks ε, the window's R5 must be measured against
        // a forecast whose in-window error is an honest stand-in for its error out of sample, and the trees' is not.
        for (var r = 0; r < returnShocks.Length; r++)
        {
            var s = scale.Scale(features.Slice(r * FeatureNames.Count, FeatureNames.Count));
            returnShocks[r] = ret5d[r] / Math.Sqrt(SecondMoment(baseFit[r], s, grid));
        }
        return new PredictiveDistribution(scale, shocks, QuantileGrid.Of(returnShocks), regimeCuts);
    }

    /// <summary>
    /// The spread alone: s(x) (on the features, or one constant) and the grid of ε = e / s(x) over the base's in-window
    /// residuals e = ln rv_5d − base. Enough to forecast var_5d_hat, which is all the in-window choice of spread needs.
    /// </summary>
    public static (ScaleModel Scale, QuantileGrid Shocks) FitSpread(
        ReadOnlySpan<double> features, ReadOnlySpan<double> logRv, ReadOnlySpan<double> baseFit, bool varyingScale)
    {
        var rows = logRv.Length;
        var residuals = new double[rows];
        for (var r = 0; r < rows; r++) residuals[r] = logRv[r] - baseFit[r];
        var scale = varyingScale ? ScaleModel.Fit(features, residuals) : ScaleModel.Constant(residuals);
        var standardized = new double[rows];
        for (var r = 0; r < rows; r++) standardized[r] = residuals[r] / scale.Scale(features.Slice(r * FeatureNames.Count, FeatureNames.Count));
        return (scale, QuantileGrid.Of(standardized));
    }

    /// <summary>E[rv_5d²] = exp(2·center) · mean over the grid of ε of exp(s·ε)²: var_5d_hat, the same sum <see cref="Describe"/> takes.</summary>
    public static double SecondMoment(double center, double s, ReadOnlySpan<double> shocks)
    {
        var (_, second) = Sums(shocks, s);
        return Math.Exp(2 * center) * second / shocks.Length;
    }

    /// <summary>The distribution of rv_5d for a date whose point model gives <paramref name="center"/> = μ(x).</summary>
    public ForecastDistribution Describe(double center, ReadOnlySpan<double> features)
    {
        var s = Scale.Scale(features);
        var (first, second) = Sums(_shocks, s);
        var mean = Math.Exp(center) * first / _shocks.Length;
        var secondMoment = Math.Exp(2 * center) * second / _shocks.Length;

        double Quantile(double p) => Math.Exp(center + s * Shocks.Quantile(p));
        Span<double> below = stackalloc double[_logCuts.Length];
        for (var k = 0; k < _logCuts.Length; k++) below[k] = Shocks.Cdf((_logCuts[k] - center) / s);

        var sigma = Math.Sqrt(secondMoment);
        return new ForecastDistribution(
            mean, secondMoment,
            Quantile(0.05), Quantile(0.10), Quantile(0.50), Quantile(0.90), Quantile(0.95),
            below[0], below[1] - below[0], below[2] - below[1], 1.0 - below[2],
            -ReturnShocks.Quantile(0.05) * sigma, -ReturnShocks.Quantile(0.01) * sigma,
            -ReturnShocks.LowerTailMean(0.05) * sigma, -ReturnShocks.LowerTailMean(0.01) * sigma);
    }

    /// <summary>Σ exp(s·ε) and Σ exp(s·ε)² over the grid of ε.</summary>
    private static (double First, double Second) Sums(ReadOnlySpan<double> shocks, double s)
    {
        double first = 0, second = 0;
        foreach (var z in shocks)
        {
            var e = Math.Exp(s * z);
            first += e;
            second += e * e;
        }
        return (first, second);
    }
}
