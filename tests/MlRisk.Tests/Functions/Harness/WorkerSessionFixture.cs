using System.Diagnostics;
using MlRisk.Tests.Functions.Harness.Rpc;

namespace MlRisk.Tests.Functions.Harness;

/// <summary>
/// One worker session as the host drives it, once for the tests of the harness collection: start, handshake,
/// worker indexing, one FunctionLoadRequest per function, then two DailyRun timer invocations at once into an empty
/// temp lake (one runs the whole pipeline on the short synthetic window, the other meets the run lock) and a past-due one.
/// </summary>
public sealed class WorkerSessionFixture : IAsyncLifetime
{
    /// <summary>A short-window DailyRun on a loaded 2-core machine takes seconds; this only bounds a hang.</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mlrisk-harness-" + Guid.NewGuid().ToString("N"));

    public string Data => Path.Combine(Root, "data");

    public string Artifacts => Path.Combine(Root, "artifacts");

    public FunctionsHostHarness Host { get; private set; } = null!;

    public StartStream Start { get; private set; } = null!;

    public WorkerInitResponse Init { get; private set; } = null!;

    public FunctionMetadataResponse Index { get; private set; } = null!;

    public IReadOnlyList<FunctionLoadResponse> Loads { get; private set; } = [];

    /// <summary>The two DailyRun invocations sent back to back, in the order they were sent.</summary>
    public InvocationResponse[] ConcurrentRuns { get; private set; } = [];

    public TimeSpan ConcurrentRunsDuration { get; private set; }

    public InvocationRequest PastDueRequest { get; private set; } = null!;

    public InvocationResponse PastDue { get; private set; } = null!;

    public RpcFunctionMetadata Function(string name)
    {
        var matches = Index.FunctionMetadataResults.Where(f => f.Name == name).ToList();
        Assert.True(matches.Count == 1, $"FunctionMetadataResponse.function_metadata_results should hold {name} once; it holds it {matches.Count} times.");
        return matches[0];
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        Host = await FunctionsHostHarness.StartAsync(new Dictionary<string, string>
        {
            ["Lake__DataPath"] = Data,
            ["Pipeline__ArtifactsPath"] = Artifacts,
            // The second DailyRun meets the lock at once instead of after the default 5 s wait.
            ["Lake__LockWait"] = "00:00:00",
        });
        (Start, Init) = await Host.InitializeAsync();
        Index = await Host.IndexAsync();
        Loads = await Host.LoadAsync(Index.FunctionMetadataResults);

        var dailyRun = Function("DailyRun");
        var now = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        ConcurrentRuns = await Task.WhenAll(
            Host.InvokeAsync(HostMessages.Timer(dailyRun, isPastDue: false, now), RunTimeout),
            Host.InvokeAsync(HostMessages.Timer(dailyRun, isPastDue: false, now), RunTimeout));
        ConcurrentRunsDuration = clock.Elapsed;
        PastDueRequest = HostMessages.Timer(dailyRun, isPastDue: true, now);
        PastDue = await Host.InvokeAsync(PastDueRequest, RunTimeout);
    }

    public async Task DisposeAsync()
    {
        if (Host is not null) await Host.DisposeAsync();
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class FunctionsHostCollection : ICollectionFixture<WorkerSessionFixture>
{
    /// <summary>The harness tests start real worker processes; one at a time, sharing one session.</summary>
    public const string Name = "Functions host harness";
}
