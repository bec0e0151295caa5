using System.Diagnostics;
using System.Globalization;

namespace MlRisk.Bench.EndToEnd;

/// <summary>
/// Starts <c>dotnet APP.dll …</c> as a real process and measures it: wall time, peak resident memory
/// (<see cref="PeakMemoryMethod"/>), exit code. Output goes to a log file; a failure throws with its tail.
/// </summary>
public sealed class ChildProcess(string workingDirectory, IReadOnlyDictionary<string, string> environment)
{
    private const string GnuTime = "/usr/bin/time";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    public static PeakMemoryMethod Method { get; } = File.Exists(GnuTime) ? PeakMemoryMethod.GnuTime : PeakMemoryMethod.ProcStatusPolling;

    public static string MethodDescription => Method == PeakMemoryMethod.GnuTime
        ? "GNU time (/usr/bin/time, wait4 ru_maxrss)"
        : "VmHWM of /proc/<pid>/status polled every 5 ms (/usr/bin/time missing: apt-get install -y time)";

    /// <summary>The same process with one more environment variable (or one replaced).</summary>
    public ChildProcess With(string name, string value) =>
        new(workingDirectory, new Dictionary<string, string>(environment) { [name] = value });

    /// <summary>Runs <c>dotnet</c> with <paramref name="args"/>; throws naming the command when it exits non-zero.</summary>
    public async Task<ProcessMeasurement> RunDotnetAsync(IReadOnlyList<string> args, string logFile, CancellationToken ct)
    {
        var memoryFile = logFile + ".maxrss";
        var start = new ProcessStartInfo
        {
            FileName = Method == PeakMemoryMethod.GnuTime ? GnuTime : "dotnet",
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Method == PeakMemoryMethod.GnuTime)
        {
            foreach (var arg in (string[])["-f", "%M", "-o", memoryFile, "dotnet"]) start.ArgumentList.Add(arg);
        }
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in environment) start.Environment[name] = value;

        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        await using var log = new StreamWriter(logFile);
        var gate = new Lock();
        void Write(string? line)
        {
            if (line is null) return;
            lock (gate) log.WriteLine(line);
        }

        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var polled = Method == PeakMemoryMethod.ProcStatusPolling ? PollPeakAsync(process.Id, process) : Task.FromResult(0L);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        watch.Stop();
        var peak = Method == PeakMemoryMethod.GnuTime ? ReadGnuTimePeak(memoryFile) : await polled;
        lock (gate) log.Flush();

        var command = $"dotnet {string.Join(' ', args)}";
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{command}` exited with {process.ExitCode} after {watch.Elapsed.TotalSeconds:F1} s; log {logFile}:\n{Tail(logFile, 15)}");
        }
        return new ProcessMeasurement(watch.Elapsed, peak, process.ExitCode, logFile);
    }

    private static long ReadGnuTimePeak(string file)
    {
        // GNU time puts "Command exited with non-zero status N" before the value when the child fails.
        var last = File.ReadAllLines(file).LastOrDefault(l => l.Length > 0);
        if (last is null || !long.TryParse(last.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kb))
        {
            throw new InvalidDataException($"{file}: expected GNU time's %M (peak RSS in KiB) on the last line, found '{last}'");
        }
        return kb;
    }

    private static async Task<long> PollPeakAsync(int pid, Process process)
    {
        var status = $"/proc/{pid}/status";
        long peak = 0;
        while (!process.HasExited)
        {
            try
            {
                foreach (var line in await File.ReadAllLinesAsync(status))
                {
                    if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
                    var kb = long.Parse(line["VmHWM:".Length..].Replace("kB", "").Trim(), CultureInfo.InvariantCulture);
                    peak = Math.Max(peak, kb);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process exited between HasExited and the read: the last value seen is the answer.
                break;
            }
            await Task.Delay(PollInterval);
        }
        return peak;
    }

    private static string Tail(string file, int lines)
    {
        var all = File.ReadAllLines(file);
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }
}
