using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlRisk.Functions.Hosting;
using MlRisk.Tests.Faults;
using MlRisk.Tests.Functions.Harness.Rpc;
using Status = MlRisk.Tests.Functions.Harness.Rpc.StatusResult.Types.Status;

namespace MlRisk.Tests.Functions.Harness;

/// <summary>
/// HTTP through the ASP.NET Core integration as host 4.x proxies it (DefaultHttpProxyService): the request goes to the
/// worker's HttpUri with <c>x-ms-invocation-id</c> while the InvocationRequest with an empty RpcHttp goes over gRPC;
/// the worker answers over HTTP. Each answer must equal the standalone host's on the same lake.
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class WorkerHttpProxyTests(WorkerSessionFixture session) : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Headers a client reads; Date, Server and the framing differ by nature and are left out.</summary>
    private static readonly string[] HeadersThatMatter = ["Content-Type", "Cache-Control", "Location", "Allow"];

    private readonly HttpClient client = new() { Timeout = Timeout };
    private WebApplication standalone = null!;
    private HttpClient standaloneClient = null!;

    public async Task InitializeAsync()
    {
        // The worker runs on the fault suite's clock (AppProcess.StartInfo); the standalone answer must read the same day.
        standalone = StandaloneHost.Build(new StandaloneSettings("http://127.0.0.1:0", session.Data, session.Artifacts), builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton(AppProcess.Clock);
        });
        await standalone.StartAsync();
        standaloneClient = new HttpClient { BaseAddress = new Uri(standalone.Urls.Single()), Timeout = Timeout };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        standaloneClient.Dispose();
        await standalone.StopAsync();
        await standalone.DisposeAsync();
    }

    private Uri HttpUri => new(session.Init.Capabilities["HttpUri"]);

    /// <summary>One proxied request: forwarded first, then the invocation, as the host orders them.</summary>
    private async Task<(HttpResponseMessage Response, string Body)> ThroughFunctionsHostAsync(string function, HttpMethod method, string path, string? body)
    {
        var invocationId = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(method, new Uri(HttpUri, path));
        if (body is not null) request.Content = HttpJson.Json(body);
        request.Headers.Add("x-ms-invocation-id", invocationId);
        request.Headers.Add("X-Forwarded-For", "127.0.0.1");
        request.Headers.Add("X-Forwarded-Host", "localhost:7071");
        request.Headers.Add("X-Forwarded-Proto", "http");
        var forwarded = client.SendAsync(request);
        var invocation = session.Host.InvokeAsync(HostMessages.ProxiedHttp(session.Function(function), invocationId), Timeout);
        await Task.WhenAll(forwarded, invocation);

        Assert.True(invocation.Result.Result?.Status == Status.Success,
            $"InvocationResponse.result for {function}: {WorkerProtocolTests.Describe(invocation.Result.Result)}\n{session.Host.Describe()}");
        var response = forwarded.Result;
        return (response, await response.Content.ReadAsStringAsync());
    }

    private async Task<(HttpResponseMessage Response, string Body)> StandaloneAsync(HttpMethod method, string path, string? body)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = HttpJson.Json(body);
        var response = await standaloneClient.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static string[] Headers(HttpResponseMessage response) =>
        HeadersThatMatter
            .Select(h => response.Headers.TryGetValues(h, out var v) || response.Content.Headers.TryGetValues(h, out v) ? $"{h}: {string.Join(",", v)}" : null)
            .OfType<string>().ToArray();

    private async Task AssertSameAsync(string function, HttpMethod method, string path, string? body, Func<string, string>? normalize = null)
    {
        var (functions, functionsBody) = await ThroughFunctionsHostAsync(function, method, path, body);
        var (local, localBody) = await StandaloneAsync(method, path, body);
        normalize ??= b => b;

        Assert.True(local.StatusCode == functions.StatusCode, $"{method} /{path}: status {(int)functions.StatusCode} through the Functions host, {(int)local.StatusCode} standalone.");
        Assert.Equal(Headers(local), Headers(functions));
        Assert.Equal(normalize(localBody), normalize(functionsBody));
    }

    [Fact]
    public async Task Health_through_the_functions_host_equals_the_standalone_answer()
    {
        var (_, health) = await StandaloneAsync(HttpMethod.Get, "health", null);
        Assert.Equal("ok", JsonNode.Parse(health)!["status"]!.GetValue<string>());

        // checked_at is the time of the check, the one field that differs by nature.
        await AssertSameAsync("Health", HttpMethod.Get, "health", null, b =>
        {
            var node = JsonNode.Parse(b)!.AsObject();
            Assert.True(node.Remove("checked_at"), "/health has no checked_at");
            return node.ToJsonString();
        });
    }

    [Fact]
    public async Task Predict_through_the_functions_host_equals_the_standalone_answer()
    {
        var (_, health) = await StandaloneAsync(HttpMethod.Get, "health", null);
        var lastDate = JsonDocument.Parse(health).RootElement.GetProperty("last_data_date").GetString();

        await AssertSameAsync("Predict", HttpMethod.Post, "predict", $"{{\"as_of_date\":\"{lastDate}\"}}");
    }

    [Fact]
    public async Task A_bad_predict_body_gets_the_same_problem_through_the_functions_host()
    {
        // trace_id names the request, so its value differs; standalone it is the W3C activity id, in the worker the
        // request's TraceIdentifier (the function runs outside the HTTP request's activity).
        await AssertSameAsync("Predict", HttpMethod.Post, "predict", "{\"as_of_date\":\"2024-13-01\"", b =>
        {
            var node = JsonNode.Parse(b)!.AsObject();
            Assert.False(string.IsNullOrEmpty(node["trace_id"]?.GetValue<string>()), $"the problem has no trace_id: {b}");
            node.Remove("trace_id");
            return node.ToJsonString();
        });
    }

    [Fact]
    public async Task Stored_data_that_does_not_read_is_the_same_500_problem_naming_the_file_through_the_functions_host()
    {
        var latest = Directory.GetFiles(Path.Combine(session.Artifacts, "runs"), "summary.json", SearchOption.AllDirectories).Max(StringComparer.Ordinal)!;
        var intact = await File.ReadAllBytesAsync(latest);
        await File.WriteAllTextAsync(latest, "{\"run_id\": ");
        try
        {
            var (_, body) = await StandaloneAsync(HttpMethod.Get, "runs/latest", null);
            var problem = JsonNode.Parse(body)!;
            Assert.Equal("urn:mlrisk:problem:stored-data-damaged", problem["type"]!.GetValue<string>());
            Assert.Equal(500, problem["status"]!.GetValue<int>());
            Assert.StartsWith($"{latest} is not a run summary (", problem["detail"]!.GetValue<string>());

            await AssertSameAsync("LatestRun", HttpMethod.Get, "runs/latest", null, b =>
            {
                var node = JsonNode.Parse(b)!.AsObject();
                node.Remove("trace_id");
                return node.ToJsonString();
            });
        }
        finally
        {
            await File.WriteAllBytesAsync(latest, intact);
        }
    }
}
