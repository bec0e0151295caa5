using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;
using MlRisk.Core.Monitoring;

namespace MlRisk.Core.Pipeline;

/// <summary>
/// Monitor: a monitoring_daily row for every date with a stored forecast whose label has realized and that has no row
/// yet (<see cref="MonitorCalculator"/>), then monitoring/latest.json with the newest row's verdict. It reads only the
/// partitions those dates need: their predictions and labels, the feature sessions of their drift windows and the
/// rolling window's earlier monitoring rows, plus the whole features and labels history when a reference must be built
/// (<see cref="ForecastReferences"/>; in a run that trained, the run cache already holds it). With nothing pending it
/// reads no Parquet.
/// </summary>
public sealed class MonitorStage(
    LakeReader reader, DecodedSnapshotReader history, PartitionWriter writer, ModelRegistry registry, MonitorReportStore reports, MonitorReferenceStore referenceStore,
    IOptions<MonitoringOptions> options,
    ILogger<MonitorStage> log) : IStage
{
    public StageName Name => StageName.Monitor;

    public async Task<StageResult> RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var labels = await reader.ListAsync(Datasets.LabelsDaily, ct);
        var predictions = await reader.ListAsync(Datasets.PredictionsDaily, ct);
        var stored = await reader.ListAsync(Datasets.MonitoringDaily, ct);
        var pending = labels.Dates.Where(d => predictions.Contains(d) && !stored.Contains(d)).ToList();
        if (pending.Count == 0)
        {
            return StageResult.NothingPending(Name, Datasets.MonitoringDaily, stored, predictions);
        }

        var forecasts = await reader.ReadPartitionsAsync(Datasets.PredictionsDaily, predictions, pending, ct);
        var realized = await reader.ReadPartitionsAsync(Datasets.LabelsDaily, labels, pending, ct);
        var earlier = await reader.ReadPartitionsAsync(Datasets.MonitoringDaily, stored, EarlierRows(stored, pending, settings.WindowSessions), ct);
        var featureListing = await reader.ListAsync(Datasets.FeaturesDaily, ct);
        var features = await reader.ReadPartitionsAsync(
            Datasets.FeaturesDaily, featureListing, DriftSessions(featureListing, pending, settings.WindowSessions), ct);

        var references = new ForecastReferences(history, registry, referenceStore, settings.WindowSessions);
        await references.PrepareAsync(forecasts.Rows, ct);
        var rows = await new MonitorCalculator(settings).ComputeAsync(
            earlier.Rows, forecasts.Rows, realized.Rows, features.Rows, references.ForAsync, ct);
        var write = await writer.WriteAsync(Datasets.MonitoringDaily, rows, ct);

        var latest = rows[^1];
        var previous = await reports.ReadAsync(ct);
        var report = new MonitorReport(latest.Date, latest.ModelVersion, latest.Status, latest.Reasons,
            AlertSince([.. earlier.Rows, .. rows], previous));
        await reports.WriteAsync(report, ct);
        log.LogInformation("Monitor: {Rows} dates scored; {Date} {Status}{Reasons}", rows.Count, latest.Date, MonitorStatusName.Of(latest.Status),
            latest.Reasons.Count == 0 ? "" : ": " + string.Join("; ", latest.Reasons));

        var skipped = write with { PartitionsSkipped = write.PartitionsSkipped + stored.Dates.Count };
        return new StageResult(Name, forecasts.Rows.Count + realized.Rows.Count + earlier.Rows.Count + features.Rows.Count,
            [skipped], [.. predictions.StrayTempFiles, .. stored.StrayTempFiles, .. labels.StrayTempFiles]);
    }

    /// <summary>The stored dates the rolling windows of <paramref name="pending"/> reach back to.</summary>
    private static IEnumerable<DateOnly> EarlierRows(PartitionListing stored, IReadOnlyList<DateOnly> pending, int window)
    {
        var before = stored.Dates.Where(d => d < pending[0]).TakeLast(window - 1);
        var between = stored.Dates.Where(d => d > pending[0] && d < pending[^1]);
        return before.Concat(between);
    }

    /// <summary>The feature sessions of every pending date's drift window: the <paramref name="window"/> sessions ending at it.</summary>
    private static IEnumerable<DateOnly> DriftSessions(PartitionListing features, IReadOnlyList<DateOnly> pending, int window)
    {
        var dates = features.Dates;
        var first = 0;
        while (first < dates.Count && dates[first] < pending[0]) first++;
        var start = Math.Max(0, first - window + 1);
        return dates.Skip(start).TakeWhile(d => d <= pending[^1]);
    }

    /// <summary>The first date of the newest unbroken run of alert rows, carried over from the previous report when the run reaches back past the rows read.</summary>
    private static DateOnly? AlertSince(IReadOnlyList<MonitoringRow> rows, MonitorReport? previous)
    {
        if (rows[^1].Status != MonitorStatus.Alert) return null;
        var start = rows.Count - 1;
        while (start > 0 && rows[start - 1].Status == MonitorStatus.Alert) start--;
        if (start == 0 && previous?.AlertSince is { } since && since <= rows[0].Date) return since;
        return rows[start].Date;
    }
}
