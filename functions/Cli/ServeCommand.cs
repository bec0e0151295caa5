using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlRisk.Core.Observability;
using MlRisk.Functions.Hosting;

namespace MlRisk.Functions.Cli;

/// <summary>./mlrisk serve: the standalone host until Ctrl-C.</summary>
public sealed class ServeCommand : ICommand
{
    public const string Verb = "serve";

    public string Name => Verb;

    public string Summary => "serve the API and dashboard on Kestrel and run the stage timers in process";

    public string Usage =>
        $"[--data DIR] [--artifacts DIR] [--urls URL]   (default --urls {StandaloneSettings.DefaultUrls}; " +
        "schedules from the IngestSchedule … DailyRunSchedule settings, RunOnStartup=true runs all stages at start)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        string urls = StandaloneSettings.DefaultUrls;
        string? data = null, artifacts = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--urls" when value is not null: urls = value; i++; break;
                case "--data" when value is not null: data = value; i++; break;
                case "--artifacts" when value is not null: artifacts = value; i++; break;
                default:
                    await Console.Error.WriteLineAsync(
                        $"serve: unknown option or missing value '{args[i]}'. usage: ./mlrisk serve {Usage}");
                    return 2;
            }
        }

        try
        {
            return await ServeAsync(new StandaloneSettings(urls, data, artifacts), ct);
        }
        catch (OptionsValidationException e)
        {
            await Console.Error.WriteLineAsync($"error: invalid settings: {string.Join("; ", e.Failures)}");
            return 2;
        }
    }

    private static async Task<int> ServeAsync(StandaloneSettings settings, CancellationToken ct)
    {
        await using var app = StandaloneHost.Build(settings);
        await app.StartAsync(ct);
        const string Api = "/predict, /predictions, /predictions/latest, /model, /runs/latest, /health, /monitor, /openapi.json";
        if (app.Services.GetRequiredService<ConsoleLogFormat>().Format == LogFormat.Text)
        {
            foreach (var url in app.Urls)
            {
                Console.WriteLine($"MlRisk serving {url}  (dashboard {url}/, API {Api})");
            }
            Console.WriteLine("Ctrl-C stops.");
        }
        else
        {
            app.Logger.LogInformation("MlRisk serving {Urls}: dashboard /, API {Api}", app.Urls, Api);
        }
        await app.WaitForShutdownAsync(ct);
        return 0;
    }
}
