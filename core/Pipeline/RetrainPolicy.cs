using Microsoft.Extensions.Options;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;
using MlRisk.Core.Monitoring;

namespace MlRisk.Core.Pipeline;

/// <summary>
/// Decides whether the train stage fits a model, from small files only (champion.json, metadata.json,
/// monitoring/latest.json and the labels_daily listing), so a run with no retrain due reads no Parquet. In order: no
/// champion yet, forced, the cadence of new labels, a monitor alert whose streak began after the newest stored model's
/// last training date (one retrain per streak, even when that model was not promoted), otherwise not due.
/// </summary>
public sealed class RetrainPolicy(LakeReader reader, ModelRegistry registry, MonitorReportStore reports, IOptions<RetrainOptions> options)
{
    public async Task<RetrainDecision> DecideAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (await registry.ReadChampionAsync(ct) is not { } champion)
        {
            // No storage locations here: the detail goes into metadata.json, which must not depend on where the registry lives.
            return new RetrainDecision(true, RetrainReason.NoChampion, "no model has been promoted yet");
        }
        if (settings.Force) return new RetrainDecision(true, RetrainReason.Forced, "forced (--retrain or Retrain:Force)");
        ModelMetadata served;
        try
        {
            served = await registry.ReadMetadataAsync(champion.Version, ct);
        }
        catch (OtherModelDefinitionException)
        {
            return new RetrainDecision(true, RetrainReason.NoChampion,
                $"champion {champion.Version} is of another model definition than {ModelMetadata.Definition} and cannot be served");
        }
        catch (Exception e) when (e is InvalidDataException or FileNotFoundException)
        {
            // Serving cannot load it either; a new model replaces it rather than every run failing here.
            return new RetrainDecision(true, RetrainReason.NoChampion,
                $"champion {champion.Version}'s metadata.json is damaged or missing and it cannot be served");
        }

        var labels = await reader.ListAsync(Datasets.LabelsDaily, ct);
        var newLabels = labels.Dates.Count(d => d > served.TrainingTo);
        var cadence = $"{newLabels} new label(s) since {served.TrainingTo:yyyy-MM-dd}, the last training date of champion {served.Version} (cadence {settings.CadenceLabels})";
        if (newLabels >= settings.CadenceLabels) return new RetrainDecision(true, RetrainReason.Cadence, cadence);

        var report = await reports.ReadAsync(ct);
        if (report is { Status: MonitorStatus.Alert, AlertSince: { } since })
        {
            var newest = await registry.LatestVersionAsync(ct) is { } latest && latest != served.Version
                ? (await registry.ReadTrainingWindowAsync(latest, ct)).TrainingTo
                : served.TrainingTo;
            if (since > newest)
            {
                return new RetrainDecision(true, RetrainReason.MonitorAlert,
                    $"monitor alert since {since:yyyy-MM-dd} ({string.Join("; ", report.Reasons)}), after the newest model's last training date {newest:yyyy-MM-dd}");
            }
        }
        var monitor = report is null ? "no monitor report yet" : $"monitor {MonitorStatusName.Of(report.Status)} on {report.Date:yyyy-MM-dd}";
        return new RetrainDecision(false, RetrainReason.NotDue, $"{cadence}; {monitor}");
    }
}
