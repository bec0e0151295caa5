using System.Text.Json;
using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Tests.Modeling;

public class ModelRegistryTests
{
    private static readonly (List<FeatureRow> Features, List<LabelRow> Labels) Market = SyntheticMarket.Generate(600);

    [Fact]
    public async Task A_passing_model_is_stored_with_its_files_and_becomes_champion()
    {
        using var modeling = new SmallModeling();
        var outcome = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);

        Assert.True(outcome.Gate.Passed, outcome.Gate.Summary);
        var folder = modeling.Registry.VersionFolder(outcome.Version);
        Assert.True(File.Exists(Path.Combine(folder, ModelRegistry.ModelFile)));
        Assert.True(File.Exists(Path.Combine(folder, CvPredictionsFile.FileName)));
        var champion = await modeling.Registry.ReadChampionAsync(CancellationToken.None);
        Assert.Equal(outcome.Version, champion!.Version);
        Assert.Equal(modeling.Time.GetUtcNow(), champion.PromotedAt);
        Assert.Empty(Directory.GetFileSystemEntries(modeling.Registry.ModelsFolder, ".tmp-*"));
    }

    [Fact]
    public async Task Storing_a_model_removes_what_a_killed_run_left_half_written()
    {
        using var modeling = new SmallModeling();
        var halfSaved = Directory.CreateDirectory(Path.Combine(modeling.Registry.ModelsFolder, ".tmp-20200101-0123456789ab-dead")).FullName;
        File.WriteAllText(Path.Combine(halfSaved, ModelRegistry.ModelFile), "tree");
        var halfPromoted = Path.Combine(modeling.Registry.ModelsFolder, ".tmp-champion.json-dead");
        File.WriteAllText(halfPromoted, "{");

        var outcome = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);

        Assert.True(outcome.Stored);
        Assert.Empty(Directory.GetFileSystemEntries(modeling.Registry.ModelsFolder, ".tmp-*"));
        Assert.Equal([outcome.Version], Directory.GetDirectories(modeling.Registry.ModelsFolder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_model_of_another_definition_is_refused_naming_the_file_and_the_fix()
    {
        using var modeling = new SmallModeling();
        var outcome = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        modeling.MarkAsDefinition(outcome.Version, "1");

        var error = await Assert.ThrowsAsync<OtherModelDefinitionException>(() => modeling.Registry.ReadMetadataAsync(outcome.Version, CancellationToken.None));

        Assert.Contains($"trained under model definition 1, not {ModelMetadata.Definition}", error.Message);
        Assert.Contains("run train (./mlrisk run)", error.Message);
    }

    [Fact]
    public async Task A_metadata_file_of_an_older_shape_is_of_another_definition_but_still_gives_its_training_window()
    {
        using var modeling = new SmallModeling();
        // Definition 1's shape: no model_definition, a log bias instead of the distribution's parts.
        var folder = Path.Combine(modeling.Artifacts, "models", "20221222-0123456789ab");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ModelRegistry.MetadataFile), """
            {"version": "20221222-0123456789ab", "training_from": "2009-09-21", "training_to": "2022-12-22", "training_rows": 3339,
             "log_bias": 0.071, "walk_forward": {"initial_training_sessions": 756, "refit_every_sessions": 63, "purge_sessions": 5}}
            """);

        var error = await Assert.ThrowsAsync<OtherModelDefinitionException>(() => modeling.Registry.ReadMetadataAsync("20221222-0123456789ab", CancellationToken.None));
        var window = await modeling.Registry.ReadTrainingWindowAsync("20221222-0123456789ab", CancellationToken.None);

        Assert.Contains($"was trained under model definition (none), not {ModelMetadata.Definition}", error.Message);
        Assert.Equal(("20221222-0123456789ab", new DateOnly(2022, 12, 22), 3339), (window.Version, window.TrainingTo, window.TrainingRows));
        Assert.Equal((756, 63, 5), (window.WalkForward.InitialTrainingSessions, window.WalkForward.RefitEverySessions, window.WalkForward.PurgeSessions));
    }

    [Fact]
    public async Task Infer_with_a_champion_of_another_definition_reports_no_champion_and_where_to_look()
    {
        using var modeling = new SmallModeling();
        var outcome = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        modeling.MarkAsDefinition(outcome.Version, "3");

        var error = await Assert.ThrowsAsync<NoChampionException>(() => new ChampionInference(modeling.Registry).PlanAsync(
            Market.Features, new HashSet<DateOnly>(), CancellationToken.None));

        Assert.StartsWith("the champion cannot forecast for this build (", error.Message);
        Assert.Contains($"was trained under model definition 3, not {ModelMetadata.Definition}", error.Message);
        Assert.EndsWith("check its decision in the run summary", error.Message);
    }

    [Fact]
    public async Task A_metadata_file_holding_null_is_damaged_not_of_another_definition()
    {
        using var modeling = new SmallModeling();
        var outcome = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        File.WriteAllText(Path.Combine(modeling.Artifacts, "models", outcome.Version, ModelRegistry.MetadataFile), "null");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => modeling.Registry.ReadMetadataAsync(outcome.Version, CancellationToken.None));

        Assert.Contains($"{outcome.Version}/{ModelRegistry.MetadataFile} holds null, not model metadata; restore it from a backup", error.Message);
    }

    [Fact]
    public async Task A_truncated_champion_json_is_damage_that_names_the_file_and_the_fix()
    {
        using var modeling = new SmallModeling();
        await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        var pointer = Path.Combine(modeling.Registry.ModelsFolder, ModelRegistry.ChampionFile);
        File.WriteAllText(pointer, File.ReadAllText(pointer)[..12]);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => modeling.Registry.ReadChampionAsync(CancellationToken.None));

        Assert.StartsWith($"{pointer} is not a champion pointer (", error.Message);
        Assert.EndsWith("; delete it and rerun the pipeline (./mlrisk run): train promotes the newest stored model that passes the gate", error.Message);
        Assert.IsAssignableFrom<JsonException>(error.InnerException);
    }

    [Fact]
    public async Task Rerunning_train_after_champion_json_is_deleted_promotes_the_stored_model_again()
    {
        using var modeling = new SmallModeling();
        var trained = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        File.Delete(Path.Combine(modeling.Registry.ModelsFolder, ModelRegistry.ChampionFile));

        var rerun = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);

        Assert.False(rerun.Stored);
        Assert.True(rerun.Promoted);
        Assert.Equal(trained.Version, (await modeling.Registry.ReadChampionAsync(CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task A_challenger_is_compared_with_the_served_champion_and_the_decision_is_kept_in_its_metadata()
    {
        using var modeling = new SmallModeling();
        var champion = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        var options = SmallModeling.Options();
        options.RegimeCuts = [0.10, 0.20, 0.35];

        var challenger = await modeling.Trainer(options).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);

        var challenge = (await modeling.Registry.ReadMetadataAsync(challenger.Version, CancellationToken.None)).Challenge!;
        Assert.Equal(champion.Version, challenge.ChampionVersion);
        // Same rows and trees, other cut points: the same variance forecasts, so no difference to find.
        Assert.Equal(0.0, challenge.MeanLossDifference, 12);
        Assert.True(challenge.Passed);
        Assert.True(challenger.Promoted);
    }

    [Fact]
    public async Task A_retrain_that_reuses_cached_folds_equals_a_cold_one_byte_for_byte()
    {
        using var cold = new SmallModeling();
        var coldOutcome = await cold.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        using var daily = new SmallModeling();
        await daily.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels.Take(Market.Labels.Count - 1).ToList(), CancellationToken.None);

        var retrained = await daily.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);

        Assert.Equal(coldOutcome.Version, retrained.Version);
        Assert.InRange(retrained.FoldsReused, 1, int.MaxValue);
        foreach (var file in new[] { ModelRegistry.ModelFile, CvPredictionsFile.FileName })
        {
            Assert.Equal(
                File.ReadAllBytes(Path.Combine(cold.Artifacts, "models", coldOutcome.Version, file)),
                File.ReadAllBytes(Path.Combine(daily.Artifacts, "models", retrained.Version, file)));
        }
        Assert.Equal(coldOutcome.Accuracy, retrained.Accuracy);
    }

    [Fact]
    public async Task Changing_the_regime_cuts_trains_a_new_version()
    {
        using var modeling = new SmallModeling();
        var first = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        var options = SmallModeling.Options();
        options.RegimeCuts = [0.10, 0.20, 0.35];

        var second = await modeling.Trainer(options).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);

        Assert.NotEqual(first.Version, second.Version);
        Assert.Equal([0.10, 0.20, 0.35], (await modeling.Registry.ReadMetadataAsync(second.Version, CancellationToken.None)).RegimeCuts);
    }

    [Fact]
    public async Task Metadata_records_the_training_rows_features_settings_and_scores()
    {
        using var modeling = new SmallModeling();
        var outcome = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        var metadata = await modeling.Registry.ReadMetadataAsync(outcome.Version, CancellationToken.None);

        Assert.Equal(Market.Labels[^1].Date, metadata.TrainingTo);
        Assert.Equal(600, metadata.TrainingRows);
        Assert.Equal(FeatureNames.All, metadata.FeatureNames);
        Assert.Equal("4.7.0", metadata.LightGbmVersion);
        Assert.Equal(64, metadata.TrainingFingerprint.Length);
        Assert.Equal(3, metadata.Folds);
        Assert.Equal(outcome.Accuracy.Model.QLike, metadata.Accuracy.Model.QLike);
        Assert.StartsWith($"{metadata.TrainingTo:yyyyMMdd}-", outcome.Version);
        Assert.Equal(modeling.Time.GetUtcNow(), metadata.CreatedAt);
    }

    [Fact]
    public async Task Rerunning_on_the_same_rows_is_idempotent()
    {
        using var modeling = new SmallModeling();
        var trainer = modeling.Trainer(SmallModeling.Options());
        var first = await trainer.TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        var metadataPath = Path.Combine(modeling.Registry.VersionFolder(first.Version), ModelRegistry.MetadataFile);
        var bytes = await File.ReadAllBytesAsync(metadataPath);
        modeling.Time.Advance(TimeSpan.FromDays(1));

        var second = await trainer.TrainAsync(Market.Features, Market.Labels, CancellationToken.None);

        Assert.Equal(first.Version, second.Version);
        Assert.False(second.Stored);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(metadataPath));
        Assert.Single(Directory.GetDirectories(modeling.Registry.ModelsFolder));
    }

    [Fact]
    public async Task A_model_that_fails_the_gate_is_stored_but_the_champion_stays()
    {
        using var modeling = new SmallModeling();
        var served = await modeling.Trainer(SmallModeling.Options()).TrainAsync(
            Market.Features.Take(500).ToList(), Market.Labels, CancellationToken.None);

        var failed = await modeling.Trainer(SmallModeling.Options(gateMargin: 0.99)).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);

        Assert.False(failed.Gate.Passed);
        Assert.False(failed.Promoted);
        Assert.True(await modeling.Registry.ExistsAsync(failed.Version, CancellationToken.None));
        Assert.Equal(served.Version, (await modeling.Registry.ReadChampionAsync(CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task The_stored_model_reproduces_a_fresh_training_run_exactly()
    {
        using var modeling = new SmallModeling();
        var options = SmallModeling.Options();
        var outcome = await modeling.Trainer(options).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        var set = TrainingSet.Join(Market.Features, Market.Labels);

        var metadata = await modeling.Registry.ReadMetadataAsync(outcome.Version, CancellationToken.None);
        using var loaded = await modeling.Registry.LoadModelAsync(metadata, CancellationToken.None);
        using var retrained = VolatilityModelTrainer.Train(set, set.Rows, WalkForward.SingleThreaded(options));

        Assert.Equal(retrained.Trees.SaveToString(), await File.ReadAllTextAsync(
            Path.Combine(modeling.Registry.VersionFolder(outcome.Version), ModelRegistry.ModelFile)));
        Assert.Equal(retrained.Forecast(set.Features), loaded.Forecast(set.Features));
    }

    [Fact]
    public async Task Cv_predictions_hold_every_out_of_sample_row_and_read_back_unchanged()
    {
        using var modeling = new SmallModeling();
        var options = SmallModeling.Options();
        var outcome = await modeling.Trainer(options).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        var expected = new WalkForward(options).Run(TrainingSet.Join(Market.Features, Market.Labels), CancellationToken.None).Predictions;

        var stored = await modeling.Registry.ReadCvPredictionsAsync(outcome.Version, CancellationToken.None);

        Assert.Equal(300, stored.Count);
        Assert.Equal(expected.Select(p => (p.Date, p.Fold, p.Model, p.Baseline, p.HarRv, p.HarX, p.Realized, p.RealizedReturn, p.Pit)),
            stored.Select(p => (p.Date, p.Fold, p.Model, p.Baseline, p.HarRv, p.HarX, p.Realized, p.RealizedReturn, p.Pit)));
        Assert.Equal(expected.SelectMany(p => p.Drivers), stored.SelectMany(p => p.Drivers));
    }

    [Fact]
    public async Task Champion_json_is_replaced_whole()
    {
        using var modeling = new SmallModeling();
        var older = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features.Take(500).ToList(), Market.Labels, CancellationToken.None);
        var newer = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);

        var text = await File.ReadAllTextAsync(Path.Combine(modeling.Registry.ModelsFolder, ModelRegistry.ChampionFile));
        var pointer = JsonSerializer.Deserialize<ChampionPointer>(text, MlRiskJson.Files)!;

        Assert.NotEqual(older.Version, newer.Version);
        Assert.Equal(newer.Version, pointer.Version);
    }

    [Fact]
    public async Task The_model_text_names_the_features_in_contract_order()
    {
        using var modeling = new SmallModeling();
        var outcome = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        var text = await File.ReadAllTextAsync(Path.Combine(modeling.Registry.VersionFolder(outcome.Version), ModelRegistry.ModelFile));

        Assert.Contains("feature_names=" + string.Join(' ', FeatureNames.All) + "\n", text);
    }

    [Fact]
    public void The_recorded_lightgbm_version_is_the_package_version()
    {
        var root = Directory.GetParent(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Directory.Packages.props"))) root = root.Parent;
        Assert.NotNull(root);
        Assert.Contains($"<PackageVersion Include=\"LightGBM\" Version=\"{LightGbmVersion.Value}\" />",
            File.ReadAllText(Path.Combine(root.FullName, "Directory.Packages.props")));
    }
}
