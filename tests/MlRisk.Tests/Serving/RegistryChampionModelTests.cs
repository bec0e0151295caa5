using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;
using MlRisk.Core.Serving;
using MlRisk.Tests.Modeling;

namespace MlRisk.Tests.Serving;

public class RegistryChampionModelTests
{
    private static readonly (List<FeatureRow> Features, List<LabelRow> Labels) Market = SyntheticMarket.Generate(600);

    [Fact]
    public async Task Repeated_calls_serve_the_same_loaded_champion_without_reloading_it()
    {
        using var modeling = new SmallModeling();
        var trained = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        var champion = new RegistryChampionModel(modeling.Registry);

        var first = await champion.GetAsync(CancellationToken.None);
        var second = await champion.GetAsync(CancellationToken.None);

        Assert.True(first.HasChampion, first.BlockedReason);
        Assert.Equal(trained.Version, first.Card.ModelVersion);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task A_promotion_is_served_on_the_next_call()
    {
        using var modeling = new SmallModeling();
        var older = await modeling.Trainer(SmallModeling.Options()).TrainAsync(
            Market.Features.Take(500).ToList(), Market.Labels, CancellationToken.None);
        var champion = new RegistryChampionModel(modeling.Registry);
        Assert.Equal(older.Version, (await champion.GetAsync(CancellationToken.None)).Card!.ModelVersion);

        var newer = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        Assert.True(newer.Promoted, newer.Gate.Summary);

        var served = await champion.GetAsync(CancellationToken.None);
        Assert.Equal(newer.Version, served.Card!.ModelVersion);

        await modeling.Registry.PromoteAsync(older.Version, CancellationToken.None);
        Assert.Equal(older.Version, (await champion.GetAsync(CancellationToken.None)).Card!.ModelVersion);
    }

    [Fact]
    public async Task Without_a_champion_the_failed_candidate_and_its_gate_numbers_are_reported()
    {
        using var modeling = new SmallModeling();
        var failed = await TrainFailingCandidateAsync(modeling);

        var state = await new RegistryChampionModel(modeling.Registry).GetAsync(CancellationToken.None);

        Assert.False(state.HasChampion);
        Assert.Equal(failed.Version, state.Card!.ModelVersion);
        Assert.Contains(failed.Gate.Summary, state.BlockedReason);
    }

    [Fact]
    public async Task A_champion_of_an_older_model_definition_is_not_served_and_says_how_to_train_one()
    {
        using var modeling = new SmallModeling();
        var trained = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        modeling.MarkAsDefinition(trained.Version, "3");

        var state = await new RegistryChampionModel(modeling.Registry).GetAsync(CancellationToken.None);

        Assert.False(state.HasChampion);
        Assert.Null(state.Card);
        Assert.StartsWith($"champion {trained.Version} cannot be served by this build (", state.BlockedReason);
        Assert.Contains($"was trained under model definition 3, not {ModelMetadata.Definition}: run train (./mlrisk run)", state.BlockedReason);
        Assert.Contains($"and the latest model, {trained.Version}, cannot be read by this build", state.BlockedReason);
    }

    /// <summary>A champion on the first 500 rows, relabelled as trained under model definition 3: a registry from before an upgrade.</summary>
    private static async Task<TrainingOutcome> PromoteOlderDefinitionAsync(SmallModeling modeling)
    {
        var old = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features.Take(500).ToList(), Market.Labels, CancellationToken.None);
        modeling.MarkAsDefinition(old.Version, "3");
        return old;
    }

    /// <summary>A model of this definition on all rows that fails a gate no model can pass.</summary>
    private static Task<TrainingOutcome> TrainFailingCandidateAsync(SmallModeling modeling) =>
        modeling.Trainer(SmallModeling.Options(gateMargin: 0.99)).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);

    [Fact]
    public async Task After_an_upgrade_the_new_definitions_failed_candidate_is_reported_beside_the_old_champion()
    {
        using var modeling = new SmallModeling();
        var old = await PromoteOlderDefinitionAsync(modeling);
        var failed = await TrainFailingCandidateAsync(modeling);

        var state = await new RegistryChampionModel(modeling.Registry).GetAsync(CancellationToken.None);

        Assert.False(state.HasChampion);
        Assert.False(failed.Promoted);
        Assert.Equal(failed.Version, state.Card!.ModelVersion);
        Assert.StartsWith($"champion {old.Version} cannot be served by this build (", state.BlockedReason);
        Assert.EndsWith($"; the latest model, {failed.Version}, failed the gate: {failed.Gate.Summary}", state.BlockedReason);
    }

    [Fact]
    public async Task After_an_upgrade_a_candidate_trained_while_serving_is_reported_without_a_restart()
    {
        using var modeling = new SmallModeling();
        var old = await PromoteOlderDefinitionAsync(modeling);
        var champion = new RegistryChampionModel(modeling.Registry);
        var before = await champion.GetAsync(CancellationToken.None);

        var failed = await TrainFailingCandidateAsync(modeling);
        var after = await champion.GetAsync(CancellationToken.None);

        Assert.Null(before.Card);
        Assert.Equal(failed.Version, after.Card!.ModelVersion);
    }

    [Fact]
    public async Task A_model_that_passed_but_was_never_promoted_is_not_called_a_gate_failure()
    {
        using var modeling = new SmallModeling();
        var trained = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        File.Delete(Path.Combine(modeling.Registry.ModelsFolder, ModelRegistry.ChampionFile));

        var state = await new RegistryChampionModel(modeling.Registry).GetAsync(CancellationToken.None);

        Assert.False(state.HasChampion);
        Assert.Equal(
            $"no model has passed the gate; the latest model, {trained.Version}, passed the gate but was not promoted (its run stopped first): " +
            "rerun the pipeline (./mlrisk run) to promote it",
            state.BlockedReason);
    }

    [Fact]
    public async Task A_damaged_champion_is_reported_as_damage_naming_the_file_and_served_again_once_restored()
    {
        using var modeling = new SmallModeling();
        var trained = await modeling.Trainer(SmallModeling.Options()).TrainAsync(Market.Features, Market.Labels, CancellationToken.None);
        var modelFile = Path.Combine(modeling.Registry.VersionFolder(trained.Version), ModelRegistry.ModelFile);
        var intact = File.ReadAllText(modelFile);
        File.WriteAllText(modelFile, intact[..200]);
        var champion = new RegistryChampionModel(modeling.Registry);

        var damaged = await champion.GetAsync(CancellationToken.None);
        File.WriteAllText(modelFile, intact);
        var restored = await champion.GetAsync(CancellationToken.None);

        Assert.True(damaged.Damaged);
        Assert.False(damaged.HasChampion);
        Assert.StartsWith("the champion does not load: ", damaged.BlockedReason);
        Assert.Contains(ModelRegistry.ModelFile, damaged.BlockedReason);
        Assert.True(restored.HasChampion, restored.BlockedReason);
        Assert.Equal(trained.Version, restored.Card.ModelVersion);
    }
}
