namespace MlRisk.Functions.Hosting;

/// <summary>How this process was started; see <see cref="HostingModeDetector"/>.</summary>
public enum HostingMode
{
    /// <summary>Started by the Azure Functions host (func start, the Functions container, Azure): the isolated worker.</summary>
    FunctionsWorker,

    /// <summary>A verb of the local command line: ./mlrisk run|serve|validate|--help.</summary>
    CommandLine,

    /// <summary>Anything else: the standalone host (Kestrel + in-process scheduler), as ./mlrisk serve.</summary>
    Standalone,
}
