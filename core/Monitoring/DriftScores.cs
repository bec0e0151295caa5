namespace MlRisk.Core.Monitoring;

/// <summary>
/// Distribution shift of a feature's recent values against its training percentiles (<see cref="FeatureReference"/>).
/// PSI = Σ (a − e)·ln(a / e) over the ten training deciles, e = 0.1 the training share of each decile and a the recent
/// share; an empty recent decile would make the log infinite, so shares are floored at <see cref="ShareFloor"/>, the
/// usual convention. KS = sup |F_recent − F_train|, the two-sample Kolmogorov–Smirnov distance with the training CDF
/// interpolated between its percentiles.
/// </summary>
public static class DriftScores
{
    public const int Deciles = 10;

    /// <summary>Smallest share a decile counts with: 1e-4 keeps an empty decile's term near 0.69 rather than infinite.</summary>
    public const double ShareFloor = 1e-4;

    public static double Psi(ReadOnlySpan<double> percentiles, ReadOnlySpan<double> recent)
    {
        if (recent.Length == 0) throw new ArgumentException("PSI needs at least one recent value", nameof(recent));
        Span<int> counts = stackalloc int[Deciles];
        var step = (FeatureReference.Points - 1) / Deciles;
        foreach (var x in recent)
        {
            var bin = 0;
            while (bin < Deciles - 1 && x > percentiles[(bin + 1) * step]) bin++;
            counts[bin]++;
        }
        const double expected = 1.0 / Deciles;
        var psi = 0.0;
        foreach (var count in counts)
        {
            var actual = Math.Max((double)count / recent.Length, ShareFloor);
            psi += (actual - expected) * Math.Log(actual / expected);
        }
        return psi;
    }

    /// <summary>The share of <paramref name="recent"/> below the training minimum or above its maximum.</summary>
    public static double OutOfRange(ReadOnlySpan<double> percentiles, ReadOnlySpan<double> recent)
    {
        if (recent.Length == 0) throw new ArgumentException("the out-of-range share needs at least one recent value", nameof(recent));
        var outside = 0;
        foreach (var x in recent)
        {
            if (x < percentiles[0] || x > percentiles[^1]) outside++;
        }
        return (double)outside / recent.Length;
    }

    /// <param name="sorted">the recent values, sorted ascending.</param>
    public static double Ks(ReadOnlySpan<double> percentiles, ReadOnlySpan<double> sorted)
    {
        if (sorted.Length == 0) throw new ArgumentException("KS needs at least one recent value", nameof(sorted));
        var n = sorted.Length;
        var distance = 0.0;
        // The recent CDF steps at its own values and is flat between them, the training CDF is continuous: the largest
        // gap sits just before or at one of the recent values, or at a training percentile.
        for (var i = 0; i < n; i++)
        {
            var train = FeatureReference.Cdf(percentiles, sorted[i]);
            distance = Math.Max(distance, Math.Max(Math.Abs((i + 1.0) / n - train), Math.Abs((double)i / n - train)));
        }
        for (var k = 0; k < percentiles.Length; k++)
        {
            var atMost = UpperBound(sorted, percentiles[k]);
            distance = Math.Max(distance, Math.Abs((double)atMost / n - FeatureReference.Cdf(percentiles, percentiles[k])));
        }
        return Math.Min(distance, 1.0);
    }

    /// <summary>How many of the sorted values are at most <paramref name="x"/>.</summary>
    private static int UpperBound(ReadOnlySpan<double> sorted, double x)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
