using System.Net.Http.Headers;
using MlRisk.Bench.EndToEnd;

namespace MlRisk.Bench.Http;

/// <summary>
/// POST /predict over HTTP on loopback: the real app serving a pipeline run's folders, loaded for a bounded time
/// twice: 16 connections for throughput (latency there is mostly queueing: mean latency = connections / throughput),
/// then one connection for the latency of a request that does not wait behind others.
/// </summary>
public static class LoopbackHttpBench
{
    public const int ThroughputConnections = 16;

    public static async Task<(HttpLoadResult Throughput, HttpLoadResult SingleConnection)> RunAsync(
        BenchSettings settings, LakeFolder lake, byte[] body, string workFolder, TimeProvider time, CancellationToken ct)
    {
        await using var serve = await ServeProcess.StartAsync(settings, lake, Path.Combine(workFolder, "logs", "serve.log"), time, ct);
        await CheckOneRequestAsync(serve.Url, body, ct);
        var tool = WrkLoad.Available ? "wrk" : "HttpClient loop, wrk missing";
        Progress.Report($"HTTP load on {serve.Url}/predict: {ThroughputConnections} connections for {settings.HttpSeconds} s ({tool})");
        var throughput = await LoadAsync(serve.Url, body, 2, ThroughputConnections, settings.HttpSeconds, workFolder, ct);
        var seconds = Math.Max(3, settings.HttpSeconds / 2);
        Progress.Report($"HTTP load on {serve.Url}/predict: 1 connection for {seconds} s ({tool})");
        var single = await LoadAsync(serve.Url, body, 1, 1, seconds, workFolder, ct);
        return (throughput, single);
    }

    private static Task<HttpLoadResult> LoadAsync(
        string url, byte[] body, int threads, int connections, int seconds, string workFolder, CancellationToken ct) =>
        WrkLoad.Available
            ? WrkLoad.RunAsync(url, body, threads, connections, seconds, workFolder, ct)
            : ClientLoopLoad.RunAsync(url, body, connections, seconds, ct);

    /// <summary>The load is only meaningful if the body it repeats is answered 200.</summary>
    private static async Task CheckOneRequestAsync(string url, byte[] body, CancellationToken ct)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync($"{url}/predict", content, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"POST {url}/predict answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}
