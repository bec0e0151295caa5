namespace MlRisk.Core.Lake;

/// <summary>The lake's datasets (DESIGN §3): the one place their names, columns and checks are defined.</summary>
public static class Datasets
{
    public static readonly RawMarketDataset RawMarket = new();
    public static readonly CuratedMarketDataset CuratedMarketDaily = new();
    public static readonly FeaturesDataset FeaturesDaily = new();
    public static readonly LabelsDataset LabelsDaily = new();
    public static readonly PredictionsDataset PredictionsDaily = new();
    public static readonly MonitoringDataset MonitoringDaily = new();

    /// <summary>Every dataset in data-flow order.</summary>
    public static readonly IReadOnlyList<DatasetContract> All = [RawMarket, CuratedMarketDaily, FeaturesDaily, LabelsDaily, PredictionsDaily, MonitoringDaily];
}
