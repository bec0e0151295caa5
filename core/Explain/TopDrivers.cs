using MlRisk.Core.Contracts;

namespace MlRisk.Core.Explain;

/// <summary>The drivers of a forecast: the features with the largest |SHAP|, largest first.</summary>
public static class TopDrivers
{
    public const int Count = 3;

    /// <param name="features">the 14 feature values.</param>
    /// <param name="contributions">the 14 SHAP values (an expected value after them is ignored).</param>
    public static IReadOnlyList<Driver> Select(ReadOnlySpan<double> features, ReadOnlySpan<double> contributions, int count = Count)
    {
        if (features.Length != FeatureNames.Count || contributions.Length < FeatureNames.Count)
        {
            throw new ArgumentException($"drivers need {FeatureNames.Count} features and SHAP values, got {features.Length} and {contributions.Length}");
        }
        Span<int> order = stackalloc int[FeatureNames.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;

        // Partial selection sort; ties keep the feature order so the drivers are deterministic.
        var drivers = new Driver[Math.Min(count, FeatureNames.Count)];
        for (var d = 0; d < drivers.Length; d++)
        {
            var best = d;
            for (var i = d + 1; i < order.Length; i++)
            {
                if (Math.Abs(contributions[order[i]]) > Math.Abs(contributions[order[best]])) best = i;
            }
            (order[d], order[best]) = (order[best], order[d]);
            var feature = order[d];
            drivers[d] = new Driver(FeatureNames.All[feature], features[feature], contributions[feature]);
        }
        return drivers;
    }
}
