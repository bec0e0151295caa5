using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MlRisk.Core.Observability;
using MlRisk.Core;

namespace MlRisk.Functions.Cli;

/// <summary>
/// The generic host the local verbs run in: configuration (appsettings.json, environment, then the verb's
/// options on top), logs on the console as Logging:Format chooses, the market sources and the pipeline's services.
/// </summary>
public static class PipelineHost
{
    public static IHost Build(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection, IConfiguration>? configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [] });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Services.AddMlRiskLogging(stdoutIsTerminal: !Console.IsOutputRedirected);
        builder.Services.AddMlRiskCore(builder.Configuration);
        configure?.Invoke(builder.Services, builder.Configuration);
        return builder.Build();
    }
}
