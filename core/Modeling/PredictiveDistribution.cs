using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// ln rv_5d = μ(x) + s(x)·ε: μ is the point model's log output, s the <see cref="ScaleModel"/>, and ε's distribution
/// the empirical one of the standardized errors of the base (no normality assumed: they are skewed and heavy-tailed).
/// The return shocks are the training window's R5 divided by the forecast scale √E[rv_5d²] around the base's
/// forecast (filtered historical simulation), their lower tail a <see cref="ReturnTail"/>; a date's VaR and ES are the
/// tail's times its √var_5d_hat around μ. The left tail carries the leverage effect, the forecast's own error and the
/// fat tails that a variance alone does not.
/// Everything here is fitted on the training rows only, around base forecasts that did not see the row they forecast
/// (<see cref="ForwardBaseForecasts"/>): the served model's errors are out-of-sample errors, and in-sample residuals
/// understate them.
/// </summary>
public sealed class PredictiveDistribution
{
    /// <summary>The VaR and ES levels the product reports.</summary>
    private const double Level95 = 0.95, Level99 = 0.99;

    private readonly double[] _shocks;
    private readonly double[] _logCuts;
    private readonly double _var95, _var99, _es95, _es99;

    public PredictiveDistribution(ScaleModel scale, QuantileGrid shocks, ReturnTail returnTail, IReadOnlyList<double> regimeCuts)
    {
        if (regimeCuts.Count != Regimes.Names.Count - 1)
        {
            throw new ArgumentException($"{Regimes.Names.Count} regimes need {Regimes.Names.Count - 1} cut points, got {regimeCuts.Count}", nameof(regimeCuts));
        }
        Scale = scale;
        Shocks = shocks;
        ReturnTail = returnTail;
        RegimeCuts = regimeCuts;
        _shocks = [.. shocks.Values];
        _logCuts = [.. regimeCuts.Select(c => Math.Log(c / Annualization.Factor))];
        _var95 = returnTail.ValueAtRisk(Level95);
        _var99 = returnTail.ValueAtRisk(Level99);
        _es95 = returnTail.ExpectedShortfall(Level95);
        _es99 = returnTail.ExpectedShortfall(Level99);
    }

    public ScaleModel Scale { get; }

    /// <summary>ε: standardized log-vol forecast errors.</summary>
    public QuantileGrid Shocks { get; }

    /// <summary>The lower tail of R5 / √E[rv_5d²], the standardized 5-session returns.</summary>
    public ReturnTail ReturnTail { get; }

    /// <summary>Annualized volatility cut points between the regimes.</summary>
    public IReadOnlyList<double> RegimeCuts { get; }

    /// <summary>
    /// Fits the scale, the shocks and the return tail on training rows: <paramref name="logRv"/> = ln rv_5d,
    /// <paramref name="baseFit"/> the base's out-of-sample forecast of it (<see cref="ForwardBaseForecasts"/>; the trees'
    /// in-sample residuals would be too small), and <paramref name="ret5d"/> the realized R5 of each row;
    /// <paramref name="varyingScale"/> fits the <see cref="ScaleModel"/> on the features, otherwise one spread for every row.
    /// </summary>
    public static PredictiveDistribution Fit(
        ReadOnlySpan<double> features, ReadOnlySpan<double> logRv, ReadOnlySpan<double> baseFit, ReadOnlySpan<double> ret5d,
        IReadOnlyList<double> regimeCuts, bool varyingScale)
    {
        var (scale, shocks) = FitSpread(features, logRv, baseFit, varyingScale);
        double[] grid = [.. shocks.Values];
        var returnShocks = new double[logRv.Length];
        // Standardized around the base's out-of-sample forecast, like the shocks ε: the window's R5 must be measured
        // against a forecast whose error is the one the served model will make.
        for (var r = 0; r < returnShocks.Length; r++)
        {
            var s = scale.Scale(features.Slice(r * FeatureNames.Count, FeatureNames.Count));
            returnShocks[r] = ret5d[r] / Math.Sqrt(SecondMoment(baseFit[r], s, grid));
        }
        return new PredictiveDistribution(scale, shocks, ReturnTail.Fit(returnShocks), regimeCuts);
    }

    /// <summary>
    /// The spread alone: s(x) (on the features, or one constant) and the grid of ε = e / s(x) over the base's errors
    /// e = ln rv_5d − base forecast. Enough to forecast var_5d_hat, which is all the in-window choice of spread needs.
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
            _var95 * sigma, _var99 * sigma, _es95 * sigma, _es99 * sigma);
    }

    /// <summary>
    /// The probability integral transform F(y) of a realized rv_5d under the distribution around <paramref name="center"/>:
    /// the share of the grid of ε below (ln y − center)/s. Read off the whole grid; five stored quantiles would bend it.
    /// </summary>
    public double Cdf(double center, ReadOnlySpan<double> features, double realized) =>
        Shocks.Cdf((LogHarBase.LogTarget(realized) - center) / Scale.Scale(features));

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
