using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;

namespace MlRisk.Functions.Cli;

/// <summary>
/// ./mlrisk validate: checks every partition of every dataset against its contract, and the served model
/// (champion.json names a stored version whose metadata.json parses and whose model.txt loads), and lists every problem.
/// Exit codes: 0 valid, 1 violations found, 2 bad options or settings.
/// </summary>
public sealed class ValidateCommand(Action<IServiceCollection, IConfiguration>? configureServices = null) : ICommand
{
    public string Name => "validate";

    public string Summary => "check every partition of every dataset in the lake; list every problem";

    public string Usage => "[--data DIR] [--artifacts DIR]   (defaults ./data, ./artifacts)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        Dictionary<string, string> options;
        try
        {
            options = CommandArguments.Parse(args, "data", "artifacts");
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"error: {e.Message}\nusage: ./mlrisk validate {Usage}");
            return 2;
        }

        var settings = new Dictionary<string, string?>();
        if (options.TryGetValue("data", out var data)) settings["Lake:DataPath"] = data;
        if (options.TryGetValue("artifacts", out var artifacts)) settings["Pipeline:ArtifactsPath"] = artifacts;

        try
        {
            using var host = PipelineHost.Build(settings, configureServices);
            await host.StartAsync(ct);
            var result = await host.Services.GetRequiredService<LakeValidator>().ValidateAsync(ct);
            var modelProblem = await CheckChampionAsync(host.Services.GetRequiredService<ModelRegistry>(), ct);
            await host.StopAsync(CancellationToken.None);
            foreach (var (dataset, partitions) in result.PartitionsByDataset)
            {
                Console.Error.WriteLine($"{dataset}: {partitions} partition(s)");
            }
            foreach (var temp in result.StrayTempFiles)
            {
                Console.Error.WriteLine($"warning: stray temp file from an interrupted write (ignored by readers, safe to delete): {temp}");
            }
            foreach (var violation in result.Violations)
            {
                Console.Error.WriteLine($"problem: {violation}");
            }
            if (modelProblem is not null) Console.Error.WriteLine($"problem: {modelProblem}");
            var problems = result.Violations.Count + (modelProblem is null ? 0 : 1);
            Console.Error.WriteLine(problems == 0 ? "lake is valid" : $"{problems} problem(s) found");
            return problems == 0 ? 0 : 1;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"error: invalid settings: {string.Join("; ", e.Failures)}");
            return 2;
        }
    }

    /// <summary>
    /// The served model must load as /predict would load it; null when it does, when no model has passed the gate yet,
    /// or when the champion is of another model definition (after an upgrade, before the next run trains): then there
    /// is nothing to serve, which the API reports as 503, not damage.
    /// </summary>
    private static async Task<string?> CheckChampionAsync(ModelRegistry registry, CancellationToken ct)
    {
        var pointer = registry.ChampionLocation;
        var reading = pointer;
        try
        {
            if (await registry.ReadChampionAsync(ct) is not { } champion) return null;
            reading = registry.Location(champion.Version, ModelRegistry.MetadataFile);
            var metadata = await registry.ReadMetadataAsync(champion.Version, ct);
            reading = registry.Location(champion.Version, ModelRegistry.ModelFile);
            using var model = await registry.LoadModelAsync(metadata, ct);
            return null;
        }
        catch (OtherModelDefinitionException e)
        {
            Console.Error.WriteLine($"note: {e.Message}; until then the API serves no model");
            return null;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return $"model registry | {pointer} | the champion does not load: reading {reading}: {e.Message} | rerun train to store and promote a model again";
        }
    }
}
