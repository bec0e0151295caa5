namespace MlRisk.Core.Modeling;

/// <summary>
/// An empirical distribution kept as <c>K</c> quantiles at the probabilities (k + ½)/K of a sample: small enough to
/// store in a model's metadata and to integrate over per forecast, close enough to the sample for every number
/// the product derives from it (at K = 256 each point stands for 0.4 % of the mass).
/// </summary>
public sealed class QuantileGrid
{
    public const int DefaultSize = 256;

    public QuantileGrid(IReadOnlyList<double> values)
    {
        if (values.Count < 2) throw new ArgumentException($"a quantile grid needs at least 2 points, got {values.Count}", nameof(values));
        for (var i = 1; i < values.Count; i++)
        {
            if (!(values[i] >= values[i - 1])) throw new ArgumentException($"quantile grid point {i} ({values[i]}) is below point {i - 1} ({values[i - 1]})", nameof(values));
        }
        Values = values;
    }

    /// <summary>Ascending; point k is the sample quantile at probability (k + ½)/K.</summary>
    public IReadOnlyList<double> Values { get; }

    public int Count => Values.Count;

    /// <summary>The grid of a sample of finite values (linear interpolation between order statistics, type 7).</summary>
    public static QuantileGrid Of(ReadOnlySpan<double> sample, int size = DefaultSize)
    {
        if (sample.Length < 2) throw new ArgumentException($"a quantile grid needs a sample of at least 2 values, got {sample.Length}", nameof(sample));
        var sorted = sample.ToArray();
        Array.Sort(sorted);
        var grid = new double[size];
        for (var k = 0; k < size; k++) grid[k] = SampleQuantile(sorted, (k + 0.5) / size);
        return new QuantileGrid(grid);
    }

    /// <summary>The quantile at probability p, interpolated between grid points and held flat beyond the outer ones.</summary>
    public double Quantile(double p)
    {
        var position = p * Count - 0.5;
        if (position <= 0) return Values[0];
        if (position >= Count - 1) return Values[^1];
        var k = (int)position;
        var w = position - k;
        return Values[k] + w * (Values[k + 1] - Values[k]);
    }

    /// <summary>P(X ≤ x): the inverse of <see cref="Quantile"/>, 0 below the first point and 1 above the last.</summary>
    public double Cdf(double x)
    {
        if (x < Values[0]) return 0.0;
        if (x >= Values[^1]) return 1.0;
        // Binary search for the last point at or below x.
        int lo = 0, hi = Count - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) >> 1;
            if (Values[mid] <= x) lo = mid; else hi = mid;
        }
        var span = Values[hi] - Values[lo];
        var w = span > 0 ? (x - Values[lo]) / span : 1.0;
        return (lo + 0.5 + w) / Count;
    }

    /// <summary>The quantile at probability <paramref name="p"/> of an ascending sample, linear between order statistics (type 7).</summary>
    public static double SampleQuantile(IReadOnlyList<double> sorted, double p)
    {
        var h = (sorted.Count - 1) * p;
        var k = (int)h;
        return k + 1 < sorted.Count ? sorted[k] + (h - k) * (sorted[k + 1] - sorted[k]) : sorted[^1];
    }
}
