using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlRisk.Functions.Api;
using MlRisk.Core;
using MlRisk.Core.Observability;
using MlRisk.Core.Serving;
using MlRisk.Functions.Scheduling;

namespace MlRisk.Functions.Hosting;

/// <summary>
/// The composition root both hosts call: console logs (<see cref="ConsoleLogging"/>), the domain
/// (<see cref="MlRiskServiceCollectionExtensions.AddMlRiskCore"/>), the HTTP side with its serving ports, and the timer schedules.
/// </summary>
public static class MlRiskComposition
{
    /// <param name="stdoutIsTerminal">Whether a person reads stdout, which decides Logging:Format=auto.</param>
    /// <param name="besideHostLogging">The Functions worker: keep the worker's logging provider (RpcLog to the host) beside Serilog.</param>
    public static IHostApplicationBuilder AddMlRisk(this IHostApplicationBuilder builder, bool stdoutIsTerminal, bool besideHostLogging = false)
    {
        builder.Services.AddMlRiskLogging(stdoutIsTerminal, besideHostLogging);
        builder.Services.AddMlRiskCore(builder.Configuration);
        builder.Services.AddMlRiskServing();
        builder.AddMlRiskSchedules();
        builder.Services.AddSingleton<OpenApiDocumentCache>();
        return builder;
    }
}
