using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace MlRisk.Bench.Http;

/// <summary>
/// <c>wrk -tT -cC -dNs --latency -s post.lua URL/predict</c> (apt package <c>wrk</c>): a Lua script POSTs the
/// same valid /predict body on every request. Parses requests/s, the 50% and 99% latency lines and the
/// non-2xx and socket error counts.
/// </summary>
public static partial class WrkLoad
{
    public const string Executable = "/usr/bin/wrk";
    public static bool Available => File.Exists(Executable);

    public static async Task<HttpLoadResult> RunAsync(
        string url, byte[] body, int threads, int connections, int seconds, string workFolder, CancellationToken ct)
    {
        var script = Path.Combine(workFolder, "post.lua");
        var json = Encoding.UTF8.GetString(body);
        await File.WriteAllTextAsync(script,
            $"wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\nwrk.body = [[{json}]]\n", ct);

        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])[$"-t{threads}", $"-c{connections}", $"-d{seconds}s", "--latency", "-s", script, $"{url}/predict"])
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(TimeSpan.FromSeconds(seconds + 60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
            throw new TimeoutException($"wrk did not finish within {seconds + 60} s");
        }
        var output = await stdout;
        if (process.ExitCode != 0) throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {await stderr}\n{output}");
        return Parse(output, threads, connections, seconds);
    }

    public static HttpLoadResult Parse(string output, int threads, int connections, int seconds)
    {
        var rate = Number(RequestsPerSecond(), output, "Requests/sec");
        var requests = (long)Number(Requests(), output, "requests in");
        var p50 = Latency(output, "50%");
        var p99 = Latency(output, "99%");
        var non2xx = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socket = SocketErrors().Match(output);
        long socketErrors = 0;
        if (socket.Success)
        {
            for (var g = 1; g <= 4; g++) socketErrors += long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture);
        }
        var detail = non2xx + socketErrors == 0 ? "" : $"{non2xx} non-2xx, {socketErrors} socket errors";
        return new HttpLoadResult("wrk", threads, connections, seconds, requests, rate, p50, p99, non2xx + socketErrors, detail);
    }

    private static double Latency(string output, string percentile)
    {
        var match = Regex.Match(output, $@"^\s*{Regex.Escape(percentile)}\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success) throw new InvalidDataException($"wrk output has no {percentile} latency line (was --latency given?):\n{output}");
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            _ => value * 1000,
        };
    }

    private static double Number(Regex pattern, string output, string what)
    {
        var match = pattern.Match(output);
        if (!match.Success) throw new InvalidDataException($"wrk output has no '{what}' line:\n{output}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s*([0-9]+) requests in", RegexOptions.Multiline)]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect ([0-9]+), read ([0-9]+), write ([0-9]+), timeout ([0-9]+)")]
    private static partial Regex SocketErrors();
}
