using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlRisk.Functions.Api;
using MlRisk.Core.Serving;

namespace MlRisk.Functions.Hosting;

/// <summary>
/// The composition root both hosts call: every area's registration in one place. The serving ports
/// (<see cref="IForecastReader"/>, <see cref="IChampionModel"/>, <see cref="IRunSummaryReader"/>,
/// <see cref="IPipelineTrigger"/>) are implemented by the lake, model and pipeline areas and registered here.
/// </summary>
public static class MlRiskComposition
{
    private static readonly Type[] Ports =
        [typeof(IForecastReader), typeof(IChampionModel), typeof(IRunSummaryReader), typeof(IPipelineTrigger)];

    public static IHostApplicationBuilder AddMlRisk(this IHostApplicationBuilder builder)
    {
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
