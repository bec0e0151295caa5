using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlRisk.Core.Serving;
using MlRisk.Functions.Scheduling;

namespace MlRisk.Functions.Hosting;

/// <summary>
/// The host used when the Functions host is not running this app: Kestrel serving <see cref="MlRiskApi"/>,
/// the OpenAPI document and the dashboard, with <see cref="PipelineScheduler"/> firing the timer jobs.
/// </summary>
public static class StandaloneHost
{
    /// <param name="configure">Runs after <see cref="MlRiskComposition.AddMlRisk"/>; tests use it to replace ports.</param>
    public static WebApplication Build(StandaloneSettings settings, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (settings.DataPath is { } data) builder.Configuration[StandaloneSettings.DataPathSetting] = Path.GetFullPath(data);
        if (settings.ArtifactsPath is { } artifacts) builder.Configuration[StandaloneSettings.ArtifactsPathSetting] = Path.GetFullPath(artifacts);
        builder.WebHost.UseUrls(settings.Urls);
        // Two console lines per request would cost more than a prediction; settings can lower it again.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.AddMlRisk(stdoutIsTerminal: !Console.IsOutputRedirected);
        builder.AddMlRiskScheduler();
        builder.Services.AddMlRiskResponseCompression();
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapOpenApi("/openapi.json");
        app.MapMlRiskApi();
        return app;
    }
}
