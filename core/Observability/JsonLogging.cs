using Microsoft.Extensions.DependencyInjection;
using Serilog;
using Serilog.Formatting.Compact;

namespace MlRisk.Core.Observability;

/// <summary>Serilog compact JSON lines on stdout (DESIGN §8); scope properties such as RunId land on every event.</summary>
public static class JsonLogging
{
    public static IServiceCollection AddMlRiskJsonLogging(this IServiceCollection services) =>
        services.AddSerilog((_, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(new CompactJsonFormatter()));
}
