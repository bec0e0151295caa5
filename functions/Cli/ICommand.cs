namespace MlRisk.Functions.Cli;

/// <summary>One verb of the local command line (./mlrisk VERB [options]).</summary>
public interface ICommand
{
    string Name { get; }

    /// <summary>One line for --help.</summary>
    string Summary { get; }

    /// <summary>The option lines for VERB --help.</summary>
    string Usage { get; }

    /// <summary>Runs the verb; the return value is the process exit code.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct);
}
