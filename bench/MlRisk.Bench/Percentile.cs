namespace MlRisk.Bench;

/// <summary>
/// Nearest-rank percentiles: p of n sorted values is the value at rank ceil(p/100 · n), so p99 of 20,000
/// latencies is the 19,800th smallest. The median of an even count is the mean of the two middle values.
/// </summary>
public static class Percentile
{
    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("the median of no values is undefined", nameof(values));
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The p-th percentile of values already sorted ascending.</summary>
    public static double OfSorted(double[] sorted, double p)
    {
        if (sorted.Length == 0) throw new ArgumentException("the percentile of no values is undefined", nameof(sorted));
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }
}
