namespace MlRisk.Core.Observability;

/// <summary>How log events reach the console: JSON lines for machines, or text for a person.</summary>
public enum LogFormat
{
    Json,
    Text,
}

/// <summary>Setting <c>Logging:Format</c>: auto (the default), json or text.</summary>
public sealed class LoggingOptions
{
    public const string Section = "Logging";
    public const string FormatKey = $"{Section}:{nameof(Format)}";
    public const string Auto = "auto";

    /// <summary>auto: text when a person reads stdout (a terminal), JSON lines when a machine does (a pipe, Docker, CI, the Functions host).</summary>
    public string Format { get; set; } = Auto;

    /// <summary>The format <paramref name="format"/> asks for; null when it is none of auto, json and text.</summary>
    public static LogFormat? Choose(string? format, bool stdoutIsTerminal) => format?.Trim().ToLowerInvariant() switch
    {
        Auto => stdoutIsTerminal ? LogFormat.Text : LogFormat.Json,
        "json" => LogFormat.Json,
        "text" => LogFormat.Text,
        _ => null,
    };
}

/// <summary>The format this process chose at start; the CLI verbs and the stage reporter write for it.</summary>
public sealed record ConsoleLogFormat(LogFormat Format);
