using MlRisk.Core.Contracts;

namespace MlRisk.Core.Serving;

/// <summary>
/// The serving side's read access to the lake (predictions_daily, labels_daily, features_daily, monitoring_daily).
/// Implementations read validated partitions; they return null or an empty list for "nothing stored",
/// and throw with the dataset and file named when the lake is damaged.
/// </summary>
public interface IForecastReader
{
    /// <summary>The prediction of the most recent date in predictions_daily, or null when there is none.</summary>
    Task<PredictionRow?> LatestAsync(CancellationToken ct);

    /// <summary>
    /// Stored predictions with dates in [from, to] (either bound may be open), oldest first, each joined with
    /// the realized rv_5d of labels_daily and the baseline spy_vol_20d * sqrt(5/20) of features_daily where known.
    /// </summary>
    Task<IReadOnlyList<PredictionHistoryPoint>> HistoryAsync(DateOnly? from, DateOnly? to, CancellationToken ct);

    /// <summary>The stored features_daily row of <paramref name="date"/>, or null when that date has none.</summary>
    Task<FeatureRow?> FeaturesAsync(DateOnly date, CancellationToken ct);

    /// <summary>The monitoring_daily rows with dates in [from, to] (either bound may be open), oldest first.</summary>
    Task<IReadOnlyList<MonitoringRow>> MonitoringAsync(DateOnly? from, DateOnly? to, CancellationToken ct);

    /// <summary>The newest date in features_daily (the freshest market data the model can use), or null on an empty lake.</summary>
    Task<DateOnly?> LastDataDateAsync(CancellationToken ct);
}
