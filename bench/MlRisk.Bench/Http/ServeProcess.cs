using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MlRisk.Bench.Http;

/// <summary>
/// <c>dotnet MlRisk.Functions.dll serve</c> on a free 127.0.0.1 port over a pipeline run's folders, with every
/// timer schedule moved twelve hours away so no stage fires during the load. Killed on dispose.
/// </summary>
public sealed class ServeProcess : IAsyncDisposable
{
    private static readonly string[] Schedules =
        ["IngestSchedule", "FeaturesSchedule", "LabelsSchedule", "TrainSchedule", "InferSchedule", "MonitorSchedule", "DailyRunSchedule"];

    private readonly Process _process;
    private readonly StreamWriter _log;

    private ServeProcess(Process process, StreamWriter log, string url)
    {
        _process = process;
        _log = log;
        Url = url;
    }

    public string Url { get; }

    public static async Task<ServeProcess> StartAsync(
        BenchSettings settings, EndToEnd.LakeFolder lake, string logFile, TimeProvider time, CancellationToken ct)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = settings.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[settings.FunctionsApp, "serve", "--urls", url, "--data", lake.Data, "--artifacts", lake.Artifacts])
        {
            start.ArgumentList.Add(arg);
        }
        var far = time.GetUtcNow().AddHours(12);
        foreach (var schedule in Schedules) start.Environment[schedule] = $"0 {far.Minute} {far.Hour} * * *";
        start.Environment["RunOnStartup"] = "false";

        Directory.CreateDirectory(Path.GetDirectoryName(logFile)!);
        var log = new StreamWriter(logFile) { AutoFlush = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet serve");
        var gate = new Lock();
        void Write(string? line)
        {
            if (line is null) return;
            lock (gate) log.WriteLine(line);
        }
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var serve = new ServeProcess(process, log, url);
        try
        {
            await serve.WaitUntilHealthyAsync(logFile, TimeSpan.FromSeconds(120), ct);
            return serve;
        }
        catch
        {
            await serve.DisposeAsync();
            throw;
        }
    }

    private async Task WaitUntilHealthyAsync(string logFile, TimeSpan limit, CancellationToken ct)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {_process.ExitCode} before answering /health; log {logFile}");
            }
            try
            {
                using var response = await client.GetAsync($"{Url}/health", ct);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException)
            {
                // Kestrel is not listening yet.
            }
            await Task.Delay(200, ct);
        }
        throw new TimeoutException($"serve did not answer GET {Url}/health with 2xx within {limit.TotalSeconds:F0} s; log {logFile}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        await _log.DisposeAsync();
    }
}
