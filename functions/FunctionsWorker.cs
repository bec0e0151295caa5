using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
        // Resolved before the run: RunAsync disposes the host's services when it ends.
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        try
        {
            await host.RunAsync();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // WorkerTerminate (or SIGTERM) arrived while the worker was still starting, e.g. before Kestrel had bound the
            // HTTP port: a requested stop, not a crash, so exit 0 instead of an unhandled exception (SIGABRT, 134).
        }
        return 0;
    }

    /// <param name="configure">Runs after <see cref="MlRiskComposition.AddMlRisk"/>; tests use it to replace ports.</param>
    public static IHost Build(string[] args, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.UseMiddleware<HttpProblemMiddleware>();
        // The Functions host reads the worker's stdout, even when func start runs in a terminal; and it records a
        // function's logs from the RpcLog messages the worker's own logging provider sends, so Serilog goes beside it.
        builder.AddMlRisk(stdoutIsTerminal: false, besideHostLogging: true);
        // As in the standalone host: no log event per HTTP request (the host logs each invocation itself).
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        configure?.Invoke(builder);
        var host = builder.Build();
        return host;
    }
}
