using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlRisk.Functions.Api;
using MlRisk.Core;
using MlRisk.Core.Observability;
using MlRisk.Core.Serving;

namespace MlRisk.Functions.Hosting;

/// <summary>
/// The composition root both hosts call: JSON logs, the domain (<see cref="MlRiskServiceCollectionExtensions.AddMlRiskCore"/>,
/// which also registers the serving ports over the lake and the registry) and the HTTP side.
/// </summary>
public static class MlRiskComposition
{
    private static readonly Type[] Ports =
        [typeof(IForecastReader), typeof(IChampionModel), typeof(IRunSummaryReader), typeof(IPipelineTrigger)];

    public static IHostApplicationBuilder AddMlRisk(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMlRiskJsonLogging();
        builder.Services.AddMlRiskCore(builder.Configuration);
        builder.AddMlRiskServing();
        builder.Services.AddSingleton<OpenApiDocumentCache>();
        return builder;
    }

    /// <summary>Fails at start, naming each missing port, instead of on the first request that needs it.</summary>
    public static void EnsurePortsRegistered(IServiceProvider services)
    {
        var missing = new List<string>();
        foreach (var port in Ports)
        {
            if (services.GetService(port) is null) missing.Add(port.Name);
        }
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"No implementation is registered for {string.Join(", ", missing)}: the serving ports must be registered " +
                $"in {nameof(MlRiskComposition)}.{nameof(AddMlRisk)} (functions/Hosting/MlRiskComposition.cs).");
        }
    }
}
