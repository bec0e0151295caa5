using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MlRisk.Tests.Sources.Live;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel on a free port) that plays hand-written Yahoo and CBOE responses.
/// Each test scripts its own scenario, a path prefix standing in for the base URL:
/// <c>/{scenario}/v8/finance/chart/{symbol}</c> and <c>/{scenario}/api/global/us_indices/daily_prices/{file}</c>.
/// A script's responses are served in order and the last one repeats.
/// </summary>
public sealed class MarketDataServer : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Queue<ScriptedResponse>> _scripts = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RecordedRequest>> _requests = new();
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public static string YahooKey(string scenario, string yahooSymbol) => $"{scenario}/yahoo/{yahooSymbol}";

    public static string CboeKey(string scenario, string file) => $"{scenario}/cboe/{file}";

    public void Script(string key, params ScriptedResponse[] responses) => _scripts[key] = new Queue<ScriptedResponse>(responses);

    public IReadOnlyList<RecordedRequest> Requests(string key) =>
        _requests.TryGetValue(key, out var requests) ? requests.ToArray() : [];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/{scenario}/v8/finance/chart/{symbol}",
            (string scenario, string symbol, HttpContext context) => ServeAsync(YahooKey(scenario, symbol), context));
        _app.MapGet("/{scenario}/api/global/us_indices/daily_prices/{file}",
            (string scenario, string file, HttpContext context) => ServeAsync(CboeKey(scenario, file), context));
        await _app.StartAsync();
        BaseUrl = _app.Urls.Single();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task ServeAsync(string key, HttpContext context)
    {
        _requests.GetOrAdd(key, _ => new ConcurrentQueue<RecordedRequest>()).Enqueue(
            new RecordedRequest(context.Request.Path, context.Request.QueryString.Value ?? "", context.Request.Headers.UserAgent.ToString()));

        if (!_scripts.TryGetValue(key, out var script))
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync($"no script for {key}");
            return;
        }
        ScriptedResponse response;
        lock (script)
        {
            response = script.Count > 1 ? script.Dequeue() : script.Peek();
        }

        if (response.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(response.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up on this attempt
            }
        }
        context.Response.StatusCode = response.Status;
        context.Response.ContentType = response.ContentType;
        if (response.RetryAfter is not null) context.Response.Headers.RetryAfter = response.RetryAfter;
        await context.Response.WriteAsync(response.Body);
    }
}
