using System.Collections;
using MlRisk.Functions.Cli;

namespace MlRisk.Functions.Hosting;

/// <summary>
/// Decides the hosting mode from what the Functions host always supplies and nobody else does: the gRPC endpoint
/// of the host. Host 4.x starts the worker with <c>--functions-uri http://127.0.0.1:PORT/</c> (which Worker 2.x maps to
/// the <c>Functions:Worker:HostEndpoint</c> setting it cannot start without); the same setting may also come from
/// the environment. Only then is this the Functions worker. Otherwise a leading verb goes to the command line,
/// and everything else (no arguments, or options such as --urls) starts the standalone host.
/// </summary>
public static class HostingModeDetector
{
    public const string HostEndpointArgument = "--functions-uri";

    private static readonly string[] HostEndpointVariables =
    [
        "Functions__Worker__HostEndpoint",
        "AZURE_FUNCTIONS_Functions__Worker__HostEndpoint",
    ];

    public static HostingMode Detect(IReadOnlyList<string> args, IDictionary environment)
    {
        foreach (var arg in args)
        {
            if (arg == HostEndpointArgument || arg.StartsWith(HostEndpointArgument + "=", StringComparison.Ordinal))
            {
                return HostingMode.FunctionsWorker;
            }
        }
        foreach (var variable in HostEndpointVariables)
        {
            if (environment[variable] is string value && value.Length > 0) return HostingMode.FunctionsWorker;
        }
        return args.Count > 0 && CommandLine.IsVerb(args[0]) ? HostingMode.CommandLine : HostingMode.Standalone;
    }
}
