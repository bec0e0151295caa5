using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>The drivers of a forecast: the features with the largest |SHAP|, largest first.</summary>
public static class TopDrivers
{
    /// <param name="features">the 14 feature values.</param>
    /// <param name="contributions">the 14 SHAP values (an expected value after them is ignored).</param>
    public static IReadOnlyList<Driver> Select(ReadOnlySpan<double> features, ReadOnlySpan<double> contributions, int count = Driver.PerForecast)
    {
        if (features.Length != FeatureNames.Count || contributions.Length < FeatureNames.Count)
        {
            throw new ArgumentException($"drivers need {FeatureNames.Count} features and SHAP values, got {features.Length} and {contributions.Length}");
        }
        // Repeated arg-max over the features not yet chosen; ties go to the earlier feature, so drivers are deterministic.
        Span<bool> chosen = stackalloc bool[FeatureNames.Count];
        var drivers = new Driver[Math.Min(count, FeatureNames.Count)];
        for (var d = 0; d < drivers.Length; d++)
        {
            var best = -1;
            for (var i = 0; i < FeatureNames.Count; i++)
            {
                if (!chosen[i] && (best < 0 || Math.Abs(contributions[i]) > Math.Abs(contributions[best]))) best = i;
            }
            chosen[best] = true;
            drivers[d] = new Driver(FeatureNames.All[best], features[best], contributions[best]);
        }
        return drivers;
    }
}
