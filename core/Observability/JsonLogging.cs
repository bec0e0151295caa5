using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace MlRisk.Core.Observability;

/// <summary>Serilog compact JSON lines on stdout (DESIGN §8); scope properties such as RunId land on every event.</summary>
public static class JsonLogging
{
    public static IServiceCollection AddMlRiskJsonLogging(this IServiceCollection services) =>
        services.AddSerilog((_, logger) => Configure(logger).WriteTo.Console(new CompactJsonFormatter()));

    /// <summary>Levels and enrichment shared by every sink: Information and up, framework noise from Warning, the log context.</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration logger) => logger
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
        .Enrich.FromLogContext();
}
