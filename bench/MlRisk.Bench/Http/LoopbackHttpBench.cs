using System.Net.Http.Headers;
using MlRisk.Bench.EndToEnd;

namespace MlRisk.Bench.Http;

/// <summary>POST /predict over HTTP on loopback: the real app serving a pipeline run's folders, loaded by wrk for a bounded time.</summary>
public static class LoopbackHttpBench
{
    public static async Task<HttpLoadResult> RunAsync(
        BenchSettings settings, LakeFolder lake, byte[] body, string workFolder, TimeProvider time, CancellationToken ct)
    {
        await using var serve = await ServeProcess.StartAsync(settings, lake, Path.Combine(workFolder, "logs", "serve.log"), time, ct);
        await CheckOneRequestAsync(serve.Url, body, ct);
        Progress.Report($"HTTP load on {serve.Url}/predict for {settings.HttpSeconds} s ({(WrkLoad.Available ? "wrk" : "HttpClient loop, wrk missing")})");
        return WrkLoad.Available
            ? await WrkLoad.RunAsync(serve.Url, body, settings.HttpSeconds, workFolder, ct)
            : await ClientLoopLoad.RunAsync(serve.Url, body, settings.HttpSeconds, ct);
    }

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
