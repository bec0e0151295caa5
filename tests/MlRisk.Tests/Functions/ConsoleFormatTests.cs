using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using MlRisk.Core.Pipeline;
using MlRisk.Tests.Faults;

namespace MlRisk.Tests.Functions;

/// <summary>
/// <c>run</c> as a person and as a machine see it: the real app under a pseudo-terminal (util-linux <c>script</c>),
/// where Logging:Format=auto means text, and with stdout piped, where it means JSON lines.
/// </summary>
public sealed partial class ConsoleFormatTests : IDisposable
{
    private static readonly string[] StageNames = [.. Enum.GetNames<StageName>().Select(n => n.ToLowerInvariant())];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "mlrisk-console-" + Guid.NewGuid().ToString("N"));

    private string[] RunArgs => ["run", "--data", Path.Combine(_root, "data"), "--artifacts", Path.Combine(_root, "artifacts")];

    [Fact]
    public async Task At_a_terminal_a_run_prints_no_json_and_a_line_for_every_stage_with_the_gate_and_the_accuracy_table()
    {
        // script gives the app a pseudo-terminal as stdout and stderr and copies what it shows to its own stdout.
        var command = string.Join(' ', new[] { AppProcess.Dotnet, AppProcess.AppDll }.Concat(RunArgs).Select(Quote));
        var (code, shown, _) = await RunAsync(AppProcess.StartInfo("script", ["-qec", command, "/dev/null"]));

        Assert.True(code == 0, shown);
        var lines = Terminal(shown);
        Assert.DoesNotContain(lines, IsJsonObject);
        foreach (var stage in StageNames)
        {
            Assert.Contains(lines, l => l.StartsWith(stage + " ", StringComparison.Ordinal) && l.Contains(" succeeded ", StringComparison.Ordinal));
        }
        Assert.Contains(lines, l => l.Contains("gate passed", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("forecaster", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("run ", StringComparison.Ordinal) && l.Contains(" succeeded in ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Piped_a_run_writes_only_json_lines_on_stdout_with_every_stage()
    {
        var (code, stdout, stderr) = await RunAsync(AppProcess.StartInfo(AppProcess.Dotnet, [AppProcess.AppDll, .. RunArgs]));

        Assert.True(code == 0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.True(IsJsonObject(l), $"not a JSON object: {l}"));
        var finished = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("@mt", out var t) && t.GetString()!.StartsWith("Stage {Stage} finished", StringComparison.Ordinal))
            .Select(e => e.GetProperty("Stage").GetString()!.ToLowerInvariant());
        Assert.Equal(StageNames, finished);
    }

    [Fact]
    public async Task A_bad_Logging_Format_stops_the_run_at_start_naming_the_setting()
    {
        var (code, stderr) = await AppProcess.RunAsync(RunArgs, new Dictionary<string, string> { ["Logging__Format"] = "xml" });

        Assert.Equal(2, code);
        Assert.Contains("'Logging:Format' must be auto, json or text", stderr);
        Assert.False(Directory.Exists(Path.Combine(_root, "data")));
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(ProcessStartInfo info)
    {
        info.RedirectStandardInput = true;
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(AppProcess.RunTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>What a terminal shows, line by line: escape sequences dropped, a line rewritten with \r split where it was rewritten.</summary>
    private static string[] Terminal(string shown) =>
        EscapeSequence().Replace(shown, "").Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static bool IsJsonObject(string line)
    {
        if (!line.TrimStart().StartsWith('{')) return false;
        try
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string Quote(string word) => "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"\x1B(\[[0-9;?]*[A-Za-z]|[=>])")]
    private static partial Regex EscapeSequence();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
