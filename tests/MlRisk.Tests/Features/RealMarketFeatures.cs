using MlRisk.Core.Contracts;
using MlRisk.Core.Features;
using MlRisk.Tests.Support;

namespace MlRisk.Tests.Features;

/// <summary>Features and labels built from the real market folder once, shared by the real-data facts.</summary>
public sealed class RealMarketFeatures
{
    private readonly Lazy<(List<CuratedRow> Curated, IReadOnlyList<FeatureRow> Features, IReadOnlyList<LabelRow> Labels)> built = new(() =>
    {
        var curated = MarketCsvFolder.ReadCurated(MarketData.Folder!);
        return (curated, FeatureBuilder.Build(curated), LabelBuilder.Build(curated));
    });

    public List<CuratedRow> Curated => built.Value.Curated;

    public IReadOnlyList<FeatureRow> Features => built.Value.Features;

    public IReadOnlyList<LabelRow> Labels => built.Value.Labels;
}
