using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// The spread of the log-volatility forecast error as a function of the features, s(x) = exp(½ γ·g(x)), g the
/// log-HAR-X regressors of <see cref="LogHarBase"/>: OLS of ln e² on g over the training rows' residuals e of the
/// base, then rescaled so that mean(e² / s²) = 1 there. The error of a log-vol forecast is wider after shocks and in
/// calm markets than in steady high-vol ones; a constant width over- and under-covers by regime.
/// </summary>
public sealed class ScaleModel
{
    /// <summary>Squared residuals are floored here before the log: an exact zero would weigh without bound.</summary>
    private const double SquaredFloor = 1e-12;

    public ScaleModel(IReadOnlyList<double> coefficients)
    {
        if (coefficients.Count != LogHarBase.RegressorCount)
        {
            throw new ArgumentException($"the scale model has {LogHarBase.RegressorCount} coefficients, got {coefficients.Count}", nameof(coefficients));
        }
        Coefficients = coefficients;
    }

    /// <summary>γ, intercept first, with the rescaling folded into the intercept.</summary>
    public IReadOnlyList<double> Coefficients { get; }

    /// <param name="features">row-major feature vectors of the training rows.</param>
    /// <param name="residuals">ln rv_5d − base forecast of each row.</param>
    public static ScaleModel Fit(ReadOnlySpan<double> features, ReadOnlySpan<double> residuals)
    {
        var rows = residuals.Length;
        var columns = LogHarBase.RegressorCount;
        var design = new double[rows * columns];
        var target = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            LogHarBase.Regressors(features.Slice(r * FeatureNames.Count, FeatureNames.Count), design.AsSpan(r * columns, columns));
            target[r] = Math.Log(Math.Max(residuals[r] * residuals[r], SquaredFloor));
        }
        var gamma = OrdinaryLeastSquares.Fit(design, columns, target);

        // E[ln e²] sits below ln E[e²] by a constant that depends on the error's shape: measure it and remove it.
        var unscaled = new ScaleModel(gamma);
        var ratio = 0.0;
        for (var r = 0; r < rows; r++)
        {
            var s = unscaled.Scale(features.Slice(r * FeatureNames.Count, FeatureNames.Count));
            ratio += residuals[r] * residuals[r] / (s * s);
        }
        gamma[0] += Math.Log(ratio / rows);
        return new ScaleModel(gamma);
    }

    /// <summary>The same spread for every row: s² = mean(e²), the homoscedastic reference.</summary>
    public static ScaleModel Constant(ReadOnlySpan<double> residuals)
    {
        var sum = 0.0;
        foreach (var e in residuals) sum += e * e;
        var coefficients = new double[LogHarBase.RegressorCount];
        coefficients[0] = Math.Log(sum / residuals.Length);
        return new ScaleModel(coefficients);
    }

    public double Scale(ReadOnlySpan<double> features)
    {
        Span<double> g = stackalloc double[LogHarBase.RegressorCount];
        LogHarBase.Regressors(features, g);
        var sum = 0.0;
        for (var k = 0; k < g.Length; k++) sum += Coefficients[k] * g[k];
        return Math.Exp(0.5 * sum);
    }
}
