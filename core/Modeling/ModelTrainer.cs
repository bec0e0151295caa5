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
    public Task<TrainingOutcome> TrainAsync(IReadOnlyList<FeatureRow> features, IReadOnlyList<LabelRow> labels, CancellationToken ct) =>
        TrainAsync(features, labels, null, ct);

    /// <param name="trainedBecause">why the caller trains (the train stage's retrain decision), kept in the metadata.</param>
    public async Task<TrainingOutcome> TrainAsync(
        IReadOnlyList<FeatureRow> features, IReadOnlyList<LabelRow> labels, string? trainedBecause, CancellationToken ct)
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
            var promote = stored.Promotable && (champion is null || string.CompareOrdinal(champion.Version, version) < 0);
            if (promote) await registry.PromoteAsync(version, ct);
            log.LogInformation("Model {Version} is already stored for these {Rows} rows; gate {Gate}", version, set.Rows, stored.Gate.Summary);
            return new TrainingOutcome(version, false, stored.Accuracy, stored.Gate, promote || champion?.Version == version);
        }

        var started = time.GetTimestamp();
        var walkForwardRun = new WalkForward(settings);
        var folds = walkForwardRun.Folds(set);
        var identity = SettingsIdentity(settings);
        var keys = folds.Select(f => FoldKey.Compute(set, f, identity)).ToArray();
        var known = new Dictionary<int, OutOfSamplePrediction[]>();
        for (var f = 0; f < keys.Length; f++)
        {
            if (await registry.ReadFoldAsync(keys[f], ct) is { } stored) known[f] = stored;
        }
        // One LightGBM thread, as in every fold: the trees are small, and OpenMP threads spinning on cores that other
        // work holds made the final fit several times slower than the forty folds before it. It runs beside the
        // walk-forward, which it does not depend on: a daily retrain refits one fold, and that leaves a core idle.
        var final = WalkForward.SingleThreaded(settings);
        var finalFit = Task.Run(() => VolatilityModelTrainer.Train(set, set.Rows, final), ct);
        WalkForwardResult walkForward;
        try
        {
            walkForward = walkForwardRun.Run(set, known, ct);
        }
        catch
        {
            _ = finalFit.ContinueWith(t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            throw;
        }
        using var model = await finalFit;
        await registry.SaveFoldsAsync(
            [.. Enumerable.Range(0, keys.Length).Where(f => !known.ContainsKey(f))
                .Select(f => (keys[f], (IReadOnlyList<OutOfSamplePrediction>)[.. walkForward.Predictions.Where(p => p.Fold == f)]))], ct);
        faults.Reached("train.after-fold-cache");
        log.LogInformation("Walk-forward reused {Reused} of {Folds} folds from the fold cache", known.Count, folds.Count);
        log.LogInformation(
            "Walk-forward of {Folds} folds over {Rows} rows in {ElapsedMs} ms:\n{Accuracy}{Calibration}",
            walkForward.Folds.Count, set.Rows, (long)time.GetElapsedTime(started).TotalMilliseconds, walkForward.Accuracy.ToText(),
            walkForward.Calibration.ToText());

        var gate = Gate.Decide(walkForward.Accuracy, settings.GateMargin);
        var challenge = gate.Passed ? await ChallengeAsync(walkForward.Predictions, settings.ChallengerSignificance, ct) : null;
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
            Parameters = final.Booster,
            LightGbmParameters = final.Booster.ToLightGbmString(),
            Seed = settings.Booster.Seed,
            LightGbmVersion = LightGbmVersion.Value,
            BoostingRounds = model.Trees.Iterations,
            BaseCoefficients = model.Base.Coefficients,
            BaseMeans = model.Base.Means,
            ScaleCoefficients = model.Distribution.Scale.Coefficients,
            Shocks = model.Distribution.Shocks.Values,
            ReturnTail = model.Distribution.ReturnTail,
            RegimeCuts = model.Distribution.RegimeCuts,
            WalkForward = settings.WalkForward,
            ValidationSessions = settings.ValidationSessions,
            Folds = walkForward.Folds.Count,
            Accuracy = walkForward.Accuracy,
            Calibration = walkForward.Calibration,
            Gate = gate,
            Challenge = challenge,
            TrainedBecause = trainedBecause,
        };
        var storedNow = await registry.SaveAsync(metadata, model.Trees.SaveToString(), walkForward.Predictions, ct);
        faults.Reached("train.before-promote");
        if (metadata.Promotable) await registry.PromoteAsync(version, ct);
        log.LogInformation("Model {Version} stored; gate {Gate}; champion comparison {Challenge}",
            version, gate.Summary, challenge?.Summary ?? "none (no champion served)");
        return new TrainingOutcome(version, storedNow, walkForward.Accuracy, gate, metadata.Promotable) { FoldsReused = known.Count };
    }

    /// <summary>
    /// The candidate against the served champion on their common out-of-sample dates: QLIKE of var_5d_hat per date,
    /// Diebold–Mariano with HAC lag 4. Null when no champion is served or it holds no comparable predictions.
    /// </summary>
    private async Task<ChallengerDecision?> ChallengeAsync(IReadOnlyList<OutOfSamplePrediction> candidate, double significance, CancellationToken ct)
    {
        var champion = await registry.ReadChampionAsync(ct);
        if (champion is null) return null;
        IReadOnlyList<OutOfSamplePrediction> served;
        try
        {
            await registry.ReadMetadataAsync(champion.Version, ct);
            served = await registry.ReadCvPredictionsAsync(champion.Version, ct);
        }
        catch (Exception e) when (e is OtherModelDefinitionException or InvalidDataException or FileNotFoundException)
        {
            // A champion of another model definition forecasts something else, and one whose files do not read cannot
            // be served: the retrain policy has already treated either as no champion, so the gate alone decides.
            log.LogWarning("Champion {Version} is not compared with the candidate: {Reason}", champion.Version, e.Message);
            return null;
        }
        var servedByDate = served.ToDictionary(p => p.Date);
        var candidateLoss = new List<double>();
        var championLoss = new List<double>();
        foreach (var row in candidate)
        {
            if (!servedByDate.TryGetValue(row.Date, out var c) || !QLike.IsDefinedFor(row.Realized)) continue;
            candidateLoss.Add(QLike.Loss(row.Realized, row.Distribution.Var5dHat));
            championLoss.Add(QLike.Loss(c.Realized, c.Distribution.Var5dHat));
        }
        if (candidateLoss.Count <= DieboldMariano.OverlapLag + 1) return null;
        var (statistic, p) = DieboldMariano.Test([.. candidateLoss], [.. championLoss]);
        var mean = candidateLoss.Average() - championLoss.Average();
        var passed = p >= significance;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{(passed ? "passed" : "failed")}: against {champion.Version} on {candidateLoss.Count} common dates, mean QLIKE difference {mean:+0.0000;-0.0000}, " +
            $"DM {statistic:F2}, one-sided p {p:F3} (significance {significance:G3})");
        return new ChallengerDecision(champion.Version, candidateLoss.Count, DieboldMariano.OverlapLag, mean, statistic, p, significance, passed, summary);
    }

    /// <summary>yyyyMMdd of the last training row, then 12 hex digits of SHA-256(row fingerprint, settings).</summary>
    public static string Version(TrainingSet set, string fingerprint, ModelingOptions settings)
    {
        var identity = string.Join('|', ModelMetadata.Definition, fingerprint, SettingsIdentity(settings));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(identity)));
        return $"{set.Dates[^1]:yyyyMMdd}-{hash[..12]}";
    }

    /// <summary>Every setting that reaches a fit or a decision, as one string: part of model versions and fold keys.</summary>
    public static string SettingsIdentity(ModelingOptions settings) =>
        string.Join('|',
            settings.Booster.ToLightGbmString(),
            settings.WalkForward.InitialTrainingSessions.ToString(CultureInfo.InvariantCulture),
            settings.WalkForward.RefitEverySessions.ToString(CultureInfo.InvariantCulture),
            settings.WalkForward.PurgeSessions.ToString(CultureInfo.InvariantCulture),
            settings.ValidationSessions.ToString(CultureInfo.InvariantCulture),
            settings.GateMargin.ToString("R", CultureInfo.InvariantCulture),
            string.Join(",", settings.Cuts.Select(c => c.ToString("R", CultureInfo.InvariantCulture))),
            settings.ChallengerSignificance.ToString("R", CultureInfo.InvariantCulture),
            LightGbmVersion.Value);
}
