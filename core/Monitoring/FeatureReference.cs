using System.Text.Json.Serialization;
using MlRisk.Core.Modeling;

namespace MlRisk.Core.Monitoring;

/// <summary>
/// One feature in a model's training window: its percentiles (0 %, 1 %, …, 100 %, linear between order statistics),
/// which PSI and KS compare recent sessions against, and how far windows of the monitor's length inside the training
/// window itself strayed from it (the 99th percentile and the maximum of their PSI). Persistent features — vol
/// levels, VIX, 20-day correlations — have few independent values in 63 sessions, so a window of them routinely sits
/// far from the long-run distribution; drift is a window stranger than what the model already learned from.
/// </summary>
public sealed record FeatureReference(string Feature, IReadOnlyList<double> Percentiles, double PsiP99, double PsiMax)
{
    private double[]? _grid;

    /// <summary><see cref="Percentiles"/> as an array: the drift scores run over them tens of millions of times in a backfill.</summary>
    [JsonIgnore]
    public double[] Grid => _grid ??= [.. Percentiles];

    public const int Points = 101;

    /// <summary>The percentiles of <paramref name="values"/> (sorted in place).</summary>
    public static double[] PercentilesOf(double[] values)
    {
        if (values.Length < 2) throw new ArgumentException("percentiles need at least two values", nameof(values));
        Array.Sort(values);
        var result = new double[Points];
        for (var k = 0; k < Points; k++) result[k] = QuantileGrid.SampleQuantile(values, k / (Points - 1.0));
        return result;
    }

    /// <summary>
    /// The CDF the <paramref name="percentiles"/> describe at <paramref name="x"/>, linear between them; a run of tied
    /// percentiles counts at its top.
    /// </summary>
    public static double Cdf(ReadOnlySpan<double> percentiles, double x)
    {
        if (x < percentiles[0]) return 0;
        if (x >= percentiles[^1]) return 1;
        // The last k with percentiles[k] <= x; then percentiles[k] <= x < percentiles[k + 1].
        int lo = 0, hi = percentiles.Length - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (percentiles[mid] <= x) lo = mid;
            else hi = mid;
        }
        return (lo + (x - percentiles[lo]) / (percentiles[lo + 1] - percentiles[lo])) / (Points - 1.0);
    }
}
