using System.Diagnostics;
using System.Text;
using MlRisk.Core.Calendar;
using MlRisk.Core.Lake;

namespace MlRisk.Tests.Faults;

/// <summary>
/// The real app (<c>dotnet MlRisk.Functions.dll &lt;verb&gt; …</c> from the test output folder) in its own process,
/// on the short synthetic window of <see cref="ShortWindow"/>, with stdout/stderr captured. Killing it is a
/// real SIGKILL of the process tree.
/// </summary>
public sealed class AppProcess : IDisposable
{
    /// <summary>Generous bound for one short-window run on a loaded 2-core machine.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _paused = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process)
    {
        _process = process;
    }

    public static string AppDll { get; } = Path.Combine(AppContext.BaseDirectory, "MlRisk.Functions.dll");

    /// <summary>
    /// Where the suite's clock starts (<c>Clock:Now</c>): 18:00 in New York on the eve of Thanksgiving 2026, more than a
    /// day before the next close, so the processes of one test (a crashed run and its rerun, the clean reference run)
    /// ingest through the same session whatever hour the suite runs at.
    /// </summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 23, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The suite's one timeline: <see cref="Now"/> when the suite started, running on with the real clock. Each process
    /// starts its clock at the suite's reading of the moment it is launched, so a process launched after another one ended
    /// has run ids and timestamps that sort after its, as on the real clock; all processes starting at <see cref="Now"/>
    /// itself would make a rerun's id sort before the crashed run's whenever it started faster. A process's clock lags the
    /// timeline by its own start-up (it counts from composition), so two that overlap are ordered only by seconds.
    /// </summary>
    /// <remarks>Also the clock of the app's services composed in the test process beside the app processes.</remarks>
    public static TimeProvider Clock { get; } = new ShiftedClock(Now, TimeProvider.System);

    /// <summary>The <c>Clock:Now</c> of a process starting now: the suite's reading of this moment.</summary>
    private static string ClockNow() => Clock.GetUtcNow().ToString("o", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Settings of every app process here: a short synthetic history that still trains a model passing the gate, on the suite's clock.</summary>
    public static IReadOnlyDictionary<string, string> ShortWindow { get; } = new Dictionary<string, string>
    {
        ["Sources__Synthetic__Start"] = "2020-06-01",
        ["Modeling__WalkForward__InitialTrainingSessions"] = "400",
        ["Modeling__ValidationSessions"] = "150",
    };

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Stderr
    {
        get
        {
            lock (_stderr) return _stderr.ToString();
        }
    }

    /// <summary>The dotnet host that runs <see cref="AppDll"/>.</summary>
    public static string Dotnet { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    public static AppProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = StartInfo(Dotnet, [AppDll, .. args], environment);
        var process = new Process { StartInfo = info };
        var app = new AppProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (app._stderr) app._stderr.AppendLine(e.Data);
            if (e.Data.StartsWith(PausingFaultPoints.Marker, StringComparison.Ordinal)) app._paused.TrySetResult();
        };
        process.OutputDataReceived += (_, _) => { };
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return app;
    }

    /// <summary>
    /// <paramref name="file"/> with <paramref name="args"/> in the test output folder, with the <see cref="ShortWindow"/>
    /// settings, the suite's clock and no crash hook in its environment, stdout and stderr redirected.
    /// </summary>
    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment.Remove(PausingFaultPoints.PartitionsVariable);
        info.Environment.Remove(PausingFaultPoints.PointVariable);
        foreach (var (key, value) in ShortWindow) info.Environment[key] = value;
        info.Environment["Clock__Now"] = ClockNow();
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        return info;
    }

    /// <summary>Runs a verb to its end and returns the exit code and stderr.</summary>
    public static async Task<(int Code, string Stderr)> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var app = Start(args, environment);
        var code = await app.WaitForExitAsync(RunTimeout);
        return (code, app.Stderr);
    }

    /// <summary>Waits for the crash hook's marker line; fails if the process exits or the wait runs out first.</summary>
    public async Task WaitUntilPausedAsync(TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_paused.Task, exited, Task.Delay(timeout));
        if (first == _paused.Task) return;
        if (first == exited) Assert.Fail($"the app exited with {_process.ExitCode} before the test hook paused it:\n{Stderr}");
        Assert.Fail($"the test hook did not pause the app within {timeout}:\n{Stderr}");
    }

    /// <summary>SIGKILL of the whole process tree, then waits until it is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(wait.Token);
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var wait = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"the app did not finish within {timeout}:\n{Stderr}");
        }
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
