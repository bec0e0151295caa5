using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MlRisk.Core.Lake;
using MlRisk.Core.Observability;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Sources;

namespace MlRisk.Functions.Cli;

/// <summary>
/// ./mlrisk run: the pipeline's registered stages in order (or up to --until) under the run lock.
/// Exit codes: 0 succeeded, 1 a stage failed, 2 bad options or settings, 3 the lake is locked by another run.
/// </summary>
public sealed class RunCommand(Action<IServiceCollection, IConfiguration>? configureServices = null) : ICommand
{
    public string Name => "run";

    public string Summary => "run the pipeline (ingest, features, labels, …) into the lake";

    public string Usage => "[--source synthetic|csv|live] [--input CSV_DIR] [--data DIR] [--artifacts DIR] [--until STAGE] [--retrain]\n"
        + "  defaults: --source synthetic (csv when only --input is given), --data ./data, --artifacts ./artifacts, all stages; --retrain trains a model even when none is due";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        Dictionary<string, string> options;
        try
        {
            options = CommandArguments.Parse(args, ["retrain"], "source", "input", "data", "artifacts", "until");
        }
        catch (ArgumentException e)
        {
            return Fail(2, $"{e.Message}\nusage: ./mlrisk run {Usage}");
        }

        var settings = new Dictionary<string, string?>();
        if (options.TryGetValue("source", out var source)) settings["Pipeline:Source"] = source;
        if (options.TryGetValue("input", out var input))
        {
            settings["Sources:Csv:Folder"] = Path.GetFullPath(input);
            if (source is null) settings["Pipeline:Source"] = MarketSourceKinds.Csv;
        }
        if (options.TryGetValue("data", out var data)) settings["Lake:DataPath"] = data;
        if (options.TryGetValue("artifacts", out var artifacts)) settings["Pipeline:ArtifactsPath"] = artifacts;
        if (options.ContainsKey("retrain")) settings["Retrain:Force"] = "true";

        try
        {
            using var host = PipelineHost.Build(settings, configureServices);
            await host.StartAsync(ct);
            var runner = host.Services.GetRequiredService<PipelineRunner>();
            var stages = runner.Stages;
            if (options.TryGetValue("until", out var until))
            {
                if (!Enum.TryParse<StageName>(until, ignoreCase: true, out var last) || !stages.Contains(last))
                {
                    return Fail(2, $"--until {until}: not a registered stage; choose one of {string.Join(", ", stages.Select(s => s.ToString().ToLowerInvariant()))}");
                }
                stages = [.. stages.Where(s => s <= last)];
            }

            var summary = await runner.RunAsync(stages, "cli", ct);
            await host.StopAsync(CancellationToken.None);
            var file = host.Services.GetRequiredService<IRunSummaryStore>().Describe(summary.RunId);
            var status = summary.Status.ToString().ToLowerInvariant();
            if (host.Services.GetRequiredService<ConsoleLogFormat>().Format == LogFormat.Text)
            {
                // The stage lines above already said what each stage did, and the failed one its error.
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {summary.RunId} {status} in {(summary.FinishedUtc - summary.StartedUtc).TotalSeconds:0.0} s; summary {file}"));
                return summary.Status == StageStatus.Succeeded ? 0 : 1;
            }
            var stageLines = string.Join(", ", summary.Stages.Select(s =>
                $"{s.Stage.ToString().ToLowerInvariant()} {s.Status.ToString().ToLowerInvariant()} in {s.DurationMs:0} ms"
                + (s.Result is { } r ? $" ({r.PartitionsWritten} written, {r.PartitionsSkipped} skipped, {r.PartitionsRevised} revised)" : "")));
            Console.Error.WriteLine($"run {summary.RunId} {status}: {stageLines}; summary {file}");
            return summary.Status == StageStatus.Succeeded ? 0 : Fail(1, summary.Error ?? "a stage failed");
        }
        catch (OptionsValidationException e)
        {
            return Fail(2, $"invalid settings: {string.Join("; ", e.Failures)}");
        }
        catch (LakeLockedException e)
        {
            return Fail(3, e.Message);
        }
    }

    private static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return code;
    }
}
