namespace MlRisk.Functions.Cli;

/// <summary>Dispatches ./mlrisk VERB to its command and prints help.</summary>
public static class CommandLine
{
    private static readonly ICommand[] Commands =
    [
        new RunCommand(),
        new ServeCommand(),
        new ValidateCommand(),
    ];

    public static bool IsVerb(string arg) =>
        arg is "--help" or "-h" or "help" || Commands.Any(c => c.Name == arg);

    public static async Task<int> RunAsync(string[] args)
    {
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            PrintHelp();
            return 0;
        }

        var rest = args.Skip(1).ToArray();
        if (rest.Contains("--help") || rest.Contains("-h"))
        {
            Console.WriteLine($"usage: ./mlrisk {command.Name} {command.Usage}");
            return 0;
        }

        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        return await command.RunAsync(rest, cts.Token);
    }

    private static void PrintHelp()
    {
        Console.WriteLine("usage: ./mlrisk VERB [options]    (./mlrisk VERB --help for its options)");
        Console.WriteLine();
        foreach (var command in Commands)
        {
            Console.WriteLine($"  {command.Name,-10} {command.Summary}");
        }
    }
}
