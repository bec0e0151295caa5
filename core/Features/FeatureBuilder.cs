using MlRisk.Core.Contracts;

namespace MlRisk.Core.Features;

/// <summary>Builds features_daily (DESIGN §4) from curated returns.</summary>
public static class FeatureBuilder
{
    /// <summary>
    /// One row for every SPY date whose inputs are complete, in date order.
    /// <paramref name="curated"/> holds the curated rows of all five symbols, in any order.
    /// </summary>
    public static IReadOnlyList<FeatureRow> Build(IReadOnlyList<CuratedRow> curated) =>
        throw new NotImplementedException("features: owned by the features work item");
}
