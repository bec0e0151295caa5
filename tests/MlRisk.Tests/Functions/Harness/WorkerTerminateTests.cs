using System.Diagnostics;
using Status = MlRisk.Tests.Functions.Harness.Rpc.StatusResult.Types.Status;

namespace MlRisk.Tests.Functions.Harness;

/// <summary>
/// WorkerTerminate as host 4.x sends it when it shuts a worker down (GrpcWorkerChannel.StopWorkerProcess): only to a
/// worker reporting HandlesWorkerTerminateMessage, with a 5 s grace period, after which the host kills the process.
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class WorkerTerminateTests
{
    /// <summary>The usual shutdown: the worker has loaded its functions and its HTTP port answers.</summary>
    [Fact]
    public Task WorkerTerminate_stops_a_started_worker_cleanly_within_the_grace_period() => TerminateAsync(afterStart: true);

    /// <summary>
    /// The host stopping during a cold start (right after the handshake, before Kestrel has bound the HTTP port). The
    /// worker used to die of an unhandled TaskCanceledException from the cancelled start (exit 134, SIGABRT).
    /// </summary>
    [Fact]
    public Task WorkerTerminate_right_after_the_handshake_stops_the_worker_cleanly() => TerminateAsync(afterStart: false);

    private static async Task TerminateAsync(bool afterStart)
    {
        var root = Path.Combine(Path.GetTempPath(), "mlrisk-harness-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var host = await FunctionsHostHarness.StartAsync(new Dictionary<string, string>
            {
                ["Lake__DataPath"] = Path.Combine(root, "data"),
                ["Pipeline__ArtifactsPath"] = Path.Combine(root, "artifacts"),
            });
            var (_, init) = await host.InitializeAsync();
            Assert.True(init.Result?.Status == Status.Success, $"WorkerInitResponse.result: {WorkerProtocolTests.Describe(init.Result)}");
            Assert.True(init.Capabilities.ContainsKey("HandlesWorkerTerminateMessage"),
                "WorkerInitResponse.capabilities lacks HandlesWorkerTerminateMessage: the host would kill the worker instead of sending WorkerTerminate.");
            if (afterStart)
            {
                var index = await host.IndexAsync();
                await host.LoadAsync(index.FunctionMetadataResults);
                await WaitUntilAnswersAsync(new Uri(init.Capabilities["HttpUri"]), host);
            }

            var clock = Stopwatch.StartNew();
            host.Terminate();
            using var grace = new CancellationTokenSource(FunctionsHostHarness.TerminateGracePeriod);
            try
            {
                await host.Worker.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The worker was still running {FunctionsHostHarness.TerminateGracePeriod.TotalSeconds} s after WorkerTerminate "
                    + $"(WorkerTerminate.grace_period); the host would kill it.\n{host.Describe()}");
            }

            Assert.True(host.Worker.ExitCode == 0, $"The worker exited with code {host.Worker.ExitCode} after WorkerTerminate.\n{host.Describe()}");
            Assert.DoesNotContain("Unhandled exception", host.Stderr);
            Console.WriteLine($"WorkerTerminate to exit ({(afterStart ? "started" : "starting")} worker): {clock.ElapsedMilliseconds} ms");
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Until the ASP.NET Core integration's port answers at all (any status).</summary>
    private static async Task WaitUntilAnswersAsync(Uri httpUri, FunctionsHostHarness host)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(httpUri, "openapi.json.missing"));
                return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < FunctionsHostHarness.StartupTimeout)
            {
                await Task.Delay(50);
            }
            catch (HttpRequestException e)
            {
                Assert.Fail($"The worker's HttpUri {httpUri} did not answer within {FunctionsHostHarness.StartupTimeout}: {e.Message}\n{host.Describe()}");
            }
        }
    }
}
