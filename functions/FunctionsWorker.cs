using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using MlRisk.Functions.Hosting;

namespace MlRisk.Functions;

/// <summary>
/// The app as the Azure Functions host starts it: an isolated worker with the ASP.NET Core HTTP integration,
/// so the HTTP functions in Api/ run the same handlers as the standalone host. Timers are the host's.
/// </summary>
public static class FunctionsWorker
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var host = Build(args);
        await host.RunAsync();
        return 0;
    }

    /// <param name="configure">Runs after <see cref="MlRiskComposition.AddMlRisk"/>; tests use it to replace ports.</param>
    public static IHost Build(string[] args, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        // The Functions host reads the worker's stdout, even when func start runs in a terminal.
        builder.AddMlRisk(stdoutIsTerminal: false);
        configure?.Invoke(builder);
        var host = builder.Build();
        return host;
    }
}
