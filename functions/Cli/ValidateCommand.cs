using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MlRisk.Core.Lake;

namespace MlRisk.Functions.Cli;

/// <summary>
/// ./mlrisk validate: checks every partition of every dataset against its contract and lists every problem.
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
            Console.Error.WriteLine(result.IsValid ? "lake is valid" : $"{result.Violations.Count} problem(s) found");
            return result.IsValid ? 0 : 1;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"error: invalid settings: {string.Join("; ", e.Failures)}");
            return 2;
        }
    }
}
