using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;
using MlRisk.Tests.Support;

namespace MlRisk.Tests.Faults;

/// <summary>validate also checks the served model: champion.json names a stored version that loads.</summary>
[Collection(FaultsCollection.Name)]
public sealed class RegistryDamageTests(CleanRunFixture clean)
{
    [Theory]
    [InlineData("missing-version", "does not exist")]
    [InlineData("garbage-champion", "is not a champion pointer")]
    [InlineData("garbage-metadata", "metadata.json")]
    [InlineData("truncated-model", "model.txt")]
    public async Task Validate_reports_a_champion_that_does_not_load_and_exits_1(string damage, string named)
    {
        var (data, artifacts) = clean.NewFolders("registry-" + damage);
        clean.Seed(data, artifacts, Datasets.All.Select(d => d.Name), models: true);
        var models = Path.Combine(artifacts, "models");
        var version = LakeFiles.Champion(artifacts);
        switch (damage)
        {
            case "missing-version":
                Directory.Delete(Path.Combine(models, version), recursive: true);
                break;
            case "garbage-champion":
                File.WriteAllText(Path.Combine(models, ModelRegistry.ChampionFile), "{\"version\": ");
                break;
            case "garbage-metadata":
                File.WriteAllText(Path.Combine(models, version, ModelRegistry.MetadataFile), "{\"version\": ");
                break;
            default:
                var model = Path.Combine(models, version, ModelRegistry.ModelFile);
                File.WriteAllText(model, File.ReadAllText(model)[..200]);
                break;
        }

        var (code, report) = await AppProcess.RunAsync(["validate", "--data", data, "--artifacts", artifacts]);

        Assert.True(code == 1, $"validate over a damaged registry ({damage}) exited {code}:\n{report}");
        var problem = Assert.Single(report.Split('\n'), l => l.StartsWith("problem: model registry", StringComparison.Ordinal));
        Assert.Contains(Path.Combine(models, ModelRegistry.ChampionFile), problem);
        Assert.Contains(named, problem);
    }

    [Fact]
    public async Task Validate_notes_a_champion_of_another_model_definition_without_calling_it_damage()
    {
        var (data, artifacts) = clean.NewFolders("registry-older-definition");
        clean.Seed(data, artifacts, Datasets.All.Select(d => d.Name), models: true);
        var version = LakeFiles.Champion(artifacts);
        StoredModelDefinition.Relabel(Path.Combine(artifacts, "models", version, ModelRegistry.MetadataFile), "3");

        var (code, report) = await AppProcess.RunAsync(["validate", "--data", data, "--artifacts", artifacts]);

        Assert.True(code == 0, report);
        var note = Assert.Single(report.Split('\n'), l => l.StartsWith("note: ", StringComparison.Ordinal));
        Assert.Contains($"was trained under model definition 3, not {ModelMetadata.Definition}", note);
        Assert.Contains("lake is valid", report);
    }

    [Fact]
    public async Task Validate_passes_a_clean_lake_and_registry()
    {
        var (code, report) = await AppProcess.RunAsync(["validate", "--data", clean.Data, "--artifacts", clean.Artifacts]);
        Assert.True(code == 0, report);
        Assert.Contains("lake is valid", report);
    }
}
