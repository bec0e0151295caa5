using MlRisk.Core.Contracts;

namespace MlRisk.Core.Features;

/// <summary>Builds labels_daily: rv_5d(t) = sqrt(r(t+1)^2 + … + r(t+5)^2) from SPY's curated returns.</summary>
public static class LabelBuilder
{
    /// <summary>
    /// One row for every SPY date with all 5 future returns, in date order.
    /// <paramref name="curated"/> may hold every symbol; only SPY is read.
    /// </summary>
    public static IReadOnlyList<LabelRow> Build(IReadOnlyList<CuratedRow> curated) =>
        throw new NotImplementedException("labels: owned by the features work item");
}
