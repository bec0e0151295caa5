using System.Globalization;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Core.Modeling;

/// <summary>
/// The train stage's work on data it has already read: joins features and labels, runs the walk-forward,
/// fits the final model on every labelled row, gates it against the baseline, stores it in the registry and
/// promotes it when it passes. The version is the last training date plus a hash of the rows and the
/// settings, so a rerun on the same inputs finds its version stored and changes nothing.
/// </summary>
public sealed class ModelTrainer(
    IOptions<ModelingOptions> options, ModelRegistry registry, IFaultPoints faults, TimeProvider time, ILogger<ModelTrainer> log)
{
    public async Task<TrainingOutcome> TrainAsync(IReadOnlyList<FeatureRow> features, IReadOnlyList<LabelRow> labels, CancellationToken ct)
    {
        var settings = options.Value;
        var set = TrainingSet.Join(features, labels);
        if (set.Rows == 0) throw new InvalidOperationException("no date has both a features_daily and a labels_daily row; run the features and labels stages first");

        var fingerprint = TrainingFingerprint.Compute(set);
        var version = Version(set, fingerprint, settings);
        if (await registry.ExistsAsync(version, ct))
        {
            var stored = await registry.ReadMetadataAsync(version, ct);
            var champion = await registry.ReadChampionAsync(ct);
            // A run that stored a passing model and stopped before promoting it finishes the job now,
            // unless a model trained on later data is already served.
            var promote = stored.Gate.Passed && (champion is null || string.CompareOrdinal(champion.Version, version) < 0);
            if (promote) await registry.PromoteAsync(version, ct);
            log.LogInformation("Model {Version} is already stored for these {Rows} rows; gate {Gate}", version, set.Rows, stored.Gate.Summary);
            return new TrainingOutcome(version, false, stored.Accuracy, stored.Gate, promote || champion?.Version == version);
        }

        var started = time.GetTimestamp();
        var walkForward = new WalkForward(settings).Run(set, ct);
        log.LogInformation(
            "Walk-forward of {Folds} folds over {Rows} rows in {ElapsedMs} ms:\n{Accuracy}{Calibration}",
            walkForward.Folds.Count, set.Rows, (long)time.GetElapsedTime(started).TotalMilliseconds, walkForward.Accuracy.ToText(),
            walkForward.Calibration.ToText());

        using var model = VolatilityModelTrainer.Train(set, set.Rows, settings);
        var gate = Gate.Decide(walkForward.Accuracy, settings.GateMargin);
        var metadata = new ModelMetadata
        {
            Version = version,
            CreatedAt = time.GetUtcNow(),
            TrainingFrom = set.Dates[0],
            TrainingTo = set.Dates[^1],
            TrainingRows = set.Rows,
            TrainingFingerprint = fingerprint,
            FeatureNames = FeatureNames.All,
            FeatureRanges = FeatureRange.Of(set),
            Parameters = settings.Booster,
            LightGbmParameters = settings.Booster.ToLightGbmString(),
            Seed = settings.Booster.Seed,
            LightGbmVersion = LightGbmVersion.Value,
            BoostingRounds = model.Trees.Iterations,
            BaseCoefficients = model.Base.Coefficients,
            BaseMeans = model.Base.Means,
            ScaleCoefficients = model.Distribution.Scale.Coefficients,
            Shocks = model.Distribution.Shocks.Values,
            ReturnShocks = model.Distribution.ReturnShocks.Values,
            RegimeCuts = model.Distribution.RegimeCuts,
            WalkForward = settings.WalkForward,
            ValidationSessions = settings.ValidationSessions,
            Folds = walkForward.Folds.Count,
            Accuracy = walkForward.Accuracy,
            Calibration = walkForward.Calibration,
            Gate = gate,
        };
        var storedNow = await registry.SaveAsync(metadata, model.Trees.SaveToString(), walkForward.Predictions, ct);
        faults.Reached("train.before-promote");
        if (gate.Passed) await registry.PromoteAsync(version, ct);
        log.LogInformation("Model {Version} stored; gate {Gate}", version, gate.Summary);
        return new TrainingOutcome(version, storedNow, walkForward.Accuracy, gate, gate.Passed);
    }

    /// <summary>yyyyMMdd of the last training row, then 12 hex digits of SHA-256(row fingerprint, settings).</summary>
    public static string Version(TrainingSet set, string fingerprint, ModelingOptions settings)
    {
        var identity = string.Join('|',
            ModelMetadata.Definition,
            fingerprint,
            settings.Booster.ToLightGbmString(),
            settings.WalkForward.InitialTrainingSessions.ToString(CultureInfo.InvariantCulture),
            settings.WalkForward.RefitEverySessions.ToString(CultureInfo.InvariantCulture),
            settings.WalkForward.PurgeSessions.ToString(CultureInfo.InvariantCulture),
            settings.ValidationSessions.ToString(CultureInfo.InvariantCulture),
            settings.GateMargin.ToString("R", CultureInfo.InvariantCulture),
            string.Join(",", settings.Cuts.Select(c => c.ToString("R", CultureInfo.InvariantCulture))),
            LightGbmVersion.Value);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)));
        return $"{set.Dates[^1]:yyyyMMdd}-{hash[..12]}";
    }
}
