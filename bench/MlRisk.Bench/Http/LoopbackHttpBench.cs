using System.Net.Http.Headers;
using MlRisk.Bench.EndToEnd;

namespace MlRisk.Bench.Http;

/// <summary>
/// POST /predict over HTTP on loopback: the real app serving a pipeline run's folders. A warm-up load, discarded,
/// lets tiered JIT reach its optimized code (the first seconds of a fresh process run at about half speed).
/// Then bounded loads with closed-loop connections: 16 for the most requests per second the machine gives
/// (latency there is mostly queueing: mean latency = connections / throughput), 4 for the target of
/// both at least 5,000 requests/s and p99 under 2 ms at once, and 1 for a request that never waits behind another.
/// </summary>
public static class LoopbackHttpBench
{
    public const int ThroughputConnections = 16;
    public const int TargetConnections = 4;

    public static async Task<HttpBenchResult> RunAsync(
        BenchSettings settings, LakeFolder lake, byte[] body, string workFolder, TimeProvider time, CancellationToken ct)
    {
        await using var serve = await ServeProcess.StartAsync(settings, lake, Path.Combine(workFolder, "logs", "serve.log"), time, ct);
        await CheckOneRequestAsync(serve.Url, body, ct);
        var tool = WrkLoad.Available ? "wrk" : "HttpClient loop, wrk missing";
        var warmUpSeconds = settings.Quick ? 5 : 10;

        Task<HttpLoadResult> Load(string purpose, int threads, int connections, int seconds)
        {
            Progress.Report($"HTTP load on {serve.Url}/predict, {purpose}: {connections} connection(s) for {seconds} s ({tool})");
            return LoadAsync(serve.Url, body, threads, connections, seconds, workFolder, ct);
        }

        var warmUp = await Load("warm-up (discarded)", 2, ThroughputConnections, warmUpSeconds);
        var throughput = await Load("throughput", 2, ThroughputConnections, settings.HttpSeconds);
        var target = await Load("target", 2, TargetConnections, settings.HttpSeconds);
        var single = await Load("unqueued latency", 1, 1, Math.Max(3, settings.HttpSeconds / 2));
        return new HttpBenchResult(warmUp, throughput, target, single);
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
