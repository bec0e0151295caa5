using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlRisk.Core.Pipeline;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Serilog.Filters;
using Serilog.Formatting.Compact;

namespace MlRisk.Core.Observability;

/// <summary>
/// The console in the format <c>Logging:Format</c> chooses. JSON: Serilog compact JSON lines on stdout (DESIGN §8),
/// scope properties such as RunId on every event. Text: one line per stage from <see cref="ConsoleStageReporter"/>
/// on stdout, and warnings and errors with their full message on stderr.
/// </summary>
public static class ConsoleLogging
{
    // No stack trace for a person: the message names the file, partition or feature and the fix; json has the trace.
    private const string TextTemplate = "{Level:w}: {Message:lj}{NewLine}";

    /// <param name="stdoutIsTerminal">
    /// Whether a person reads stdout, which decides auto; the Functions worker passes false, its host reads stdout.
    /// </param>
    /// <param name="besideOtherProviders">
    /// Serilog as one logging provider among those registered, instead of the logger factory. The Functions worker
    /// passes true: its own provider sends every event to the host as an RpcLog with the invocation id, which is how
    /// the host records a function's logs; Serilog as the factory would bypass it and leave only stdout.
    /// </param>
    public static IServiceCollection AddMlRiskLogging(this IServiceCollection services, bool stdoutIsTerminal, bool besideOtherProviders = false)
    {
        services.AddOptions<LoggingOptions>().BindConfiguration(LoggingOptions.Section)
            .Validate(o => LoggingOptions.Choose(o.Format, stdoutIsTerminal) is not null,
                $"Setting '{LoggingOptions.FormatKey}' must be auto, json or text.")
            .ValidateOnStart();
        // The logger is built with the host, so a bad value stops the app there, before any event is written.
        services.TryAddSingleton(sp => new ConsoleLogFormat(
            LoggingOptions.Choose(sp.GetRequiredService<IOptions<LoggingOptions>>().Value.Format, stdoutIsTerminal)!.Value));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IStageObserver, ConsoleStageReporter>(sp =>
            sp.GetRequiredService<ConsoleLogFormat>().Format == LogFormat.Text
                ? new ConsoleStageReporter(Console.Out, Console.IsErrorRedirected ? null : Console.Error, sp.GetRequiredService<TimeProvider>())
                : new ConsoleStageReporter(TextWriter.Null, null, sp.GetRequiredService<TimeProvider>())));
        if (besideOtherProviders)
        {
            services.AddLogging();
            services.AddSingleton<ILoggerProvider>(sp =>
                new SerilogLoggerProvider(WriteToConsole(sp, new LoggerConfiguration()).CreateLogger(), dispose: true));
            return services;
        }
        return services.AddSerilog((sp, logger) => WriteToConsole(sp, logger));
    }

    private static LoggerConfiguration WriteToConsole(IServiceProvider sp, LoggerConfiguration logger)
    {
        Configure(logger);
        if (sp.GetRequiredService<ConsoleLogFormat>().Format == LogFormat.Json)
        {
            return logger.WriteTo.Console(new CompactJsonFormatter());
        }
        // The stage reporter already says what the runner's events say, once and readably.
        return logger.Filter.ByExcluding(Matching.FromSource<PipelineRunner>())
            .WriteTo.Console(
                outputTemplate: TextTemplate,
                formatProvider: CultureInfo.InvariantCulture,
                restrictedToMinimumLevel: LogEventLevel.Warning,
                standardErrorFromLevel: LogEventLevel.Verbose);
    }

    /// <summary>Levels and enrichment shared by every sink: Information and up, framework noise from Warning, the log context.</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration logger) => logger
        .MinimumLevel.Information()
        .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
        .Enrich.FromLogContext();
}
