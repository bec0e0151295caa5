namespace MlRisk.Functions.Cli;

/// <summary>Parses <c>--name value</c> options and bare <c>--flag</c> switches against the ones a verb accepts.</summary>
public static class CommandArguments
{
    /// <summary>The options given, by name without dashes; throws <see cref="ArgumentException"/> naming a bad option.</summary>
    public static Dictionary<string, string> Parse(IReadOnlyList<string> args, params string[] allowed) => Parse(args, [], allowed);

    /// <summary>As <see cref="Parse(IReadOnlyList{string}, string[])"/>, with <paramref name="flags"/> taking no value (given as "true").</summary>
    public static Dictionary<string, string> Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> flags, params string[] allowed)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var name = arg.StartsWith("--", StringComparison.Ordinal) ? arg[2..] : null;
            if (name is not null && flags.Contains(name))
            {
                options[name] = "true";
                continue;
            }
            if (name is null || !allowed.Contains(name))
            {
                throw new ArgumentException($"unknown option '{arg}'; accepted: {string.Join(", ", allowed.Concat(flags).Select(a => "--" + a))}");
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"option --{name} needs a value");
            }
            options[name] = args[++i];
        }
        return options;
    }
}
