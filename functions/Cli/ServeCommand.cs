using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
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

        await using var app = StandaloneHost.Build(new StandaloneSettings(urls, data, artifacts));
        await app.StartAsync(ct);
        foreach (var url in app.Urls)
        {
            Console.WriteLine($"MlRisk dashboard  {url}/");
            Console.WriteLine($"       API        {url}/predictions/latest  {url}/health  {url}/openapi.json");
        }
        Console.WriteLine("Ctrl-C stops.");
        await app.WaitForShutdownAsync(ct);
        return 0;
    }
}
