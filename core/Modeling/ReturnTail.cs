namespace MlRisk.Core.Modeling;

/// <summary>
/// The lower tail of the standardized 5-session returns z = R5 / √E[rv_5d²] as a generalized Pareto distribution of
/// the losses −z beyond a threshold (conditional EVT, McNeil &amp; Frey 2000), fitted by probability-weighted moments
/// (Hosking &amp; Wallis 1987). Overlapping R5 leave a window's 1 % quantile resting on a handful of independent
/// weeks; the fitted tail uses every loss beyond the 10 % quantile and extrapolates smoothly past the last one.
/// P(−z &gt; x) = F·(1 + ξ(x − u)/β)^(−1/ξ) for x ≥ u, F the fraction of the sample beyond the threshold u.
/// </summary>
public sealed record ReturnTail(double Threshold, double Shape, double Scale, double TailFraction)
{
    /// <summary>The share of the sample the tail is fitted on: deep enough for both 95 % and 99 % to lie inside it.</summary>
    public const double DefaultTailFraction = 0.10;

    /// <summary>Fewer exceedances than this cannot tell a shape from noise.</summary>
    public const int MinimumExceedances = 10;

    /// <summary>Fits the tail on the largest <paramref name="tailFraction"/> of the losses −z of <paramref name="shocks"/>.</summary>
    public static ReturnTail Fit(ReadOnlySpan<double> shocks, double tailFraction = DefaultTailFraction)
    {
        var exceedances = (int)Math.Round(tailFraction * shocks.Length);
        if (exceedances < MinimumExceedances)
        {
            throw new ArgumentException(
                $"a tail of {tailFraction:P0} of {shocks.Length} shocks has {exceedances} points, fewer than the {MinimumExceedances} a tail fit needs", nameof(shocks));
        }
        var losses = new double[shocks.Length];
        for (var i = 0; i < losses.Length; i++) losses[i] = -shocks[i];
        Array.Sort(losses);
        var threshold = losses[^(exceedances + 1)];

        // b0 = mean excess, b1 = mean of excess × (share of the excesses above it): the first two PWMs of the excesses.
        double b0 = 0, b1 = 0;
        for (var i = 0; i < exceedances; i++)
        {
            var excess = losses[losses.Length - exceedances + i] - threshold;
            b0 += excess;
            b1 += excess * (exceedances - 1 - i) / (exceedances - 1);
        }
        b0 /= exceedances;
        b1 /= exceedances;
        var shape = 2.0 - b0 / (b0 - 2.0 * b1);
        var scale = 2.0 * b0 * b1 / (b0 - 2.0 * b1);
        // Equal excesses make b0 = 2·b1, and the ratios infinite: no tail to fit.
        if (!(shape < 1.0) || !(scale > 0.0) || !double.IsFinite(shape) || !double.IsFinite(scale))
        {
            throw new ArgumentException($"the return tail fitted shape {shape} and scale {scale}: a tail with no finite mean has no expected shortfall", nameof(shocks));
        }
        return new ReturnTail(threshold, shape, scale, (double)exceedances / shocks.Length);
    }

    /// <summary>The loss −z exceeded with probability 1 − <paramref name="level"/>, a positive multiple of √E[rv_5d²].</summary>
    public double ValueAtRisk(double level)
    {
        var ratio = (1.0 - level) / TailFraction;
        if (!(ratio > 0.0 && ratio <= 1.0))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"the tail covers levels from {1.0 - TailFraction:P0} to below 100 %");
        }
        // ξ → 0 is the exponential tail; the general form loses its digits there.
        return Math.Abs(Shape) < 1e-9
            ? Threshold - Scale * Math.Log(ratio)
            : Threshold + Scale / Shape * (Math.Pow(ratio, -Shape) - 1.0);
    }

    /// <summary>E[−z | −z ≥ VaR]: for a GPD tail the mean excess over a level grows linearly with it.</summary>
    public double ExpectedShortfall(double level) => (ValueAtRisk(level) + Scale - Shape * Threshold) / (1.0 - Shape);
}
