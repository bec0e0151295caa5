using System.Diagnostics;
using System.Net.Http.Headers;

namespace MlRisk.Bench.Http;

/// <summary>
/// The fallback when wrk is not installed: one HttpClient loop per connection in this process POSTing the same body
/// for a fixed time. It shares the CPUs with the server and costs more per request than wrk, so its numbers
/// are a lower bound; the table names the tool used.
/// </summary>
public static class ClientLoopLoad
{
    public static async Task<HttpLoadResult> RunAsync(string url, byte[] body, int connections, int seconds, CancellationToken ct)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.GetTimestamp() + (long)(seconds * (double)Stopwatch.Frequency);
        long failed = 0;
        var workers = Enumerable.Range(0, connections).Select(_ => Task.Run(async () =>
        {
            var latencies = new List<double>();
            while (Stopwatch.GetTimestamp() < deadline)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var start = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/predict", content, ct);
                await response.Content.ReadAsByteArrayAsync(ct);
                latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failed);
            }
            return latencies;
        }, ct)).ToArray();
        var all = (await Task.WhenAll(workers)).SelectMany(l => l).ToArray();
        Array.Sort(all);
        return new HttpLoadResult("in-process HttpClient loop (wrk not installed)", 1, connections, seconds, all.Length, all.Length / (double)seconds,
            Percentile.OfSorted(all, 50), Percentile.OfSorted(all, 99), failed, failed == 0 ? "" : $"{failed} non-2xx");
    }
}
