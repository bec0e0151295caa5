using System.Text.Json;
using MlRisk.Core.Lake;
using MlRisk.Tests.Faults;
using MlRisk.Tests.Functions.Harness.Rpc;
using Status = MlRisk.Tests.Functions.Harness.Rpc.StatusResult.Types.Status;

namespace MlRisk.Tests.Functions.Harness;

/// <summary>
/// The published worker under <see cref="FunctionsHostHarness"/>, the protocol as Functions host 4.1037 speaks it
/// (see the harness for where the host's choices by version are followed): handshake and capabilities, worker
/// indexing against functions.metadata, function loading, and the DailyRun timer running the pipeline.
/// </summary>
[Collection(FunctionsHostCollection.Name)]
public sealed class WorkerProtocolTests(WorkerSessionFixture session)
{
    /// <summary>What the .NET isolated worker must report for host 4.x to use the paths this app relies on.</summary>
    public static readonly string[] RequiredCapabilities =
    [
        "RpcHttpBodyOnly", "RawHttpBodyBytes", "RpcHttpTriggerMetadataRemoved", "UseNullableValueDictionaryForHttp",
        "TypedDataCollection", "WorkerStatus", "HandlesWorkerTerminateMessage", "HandlesInvocationCancelMessage",
        "IncludeEmptyEntriesInMessagePayload", "EnableUserCodeException",
    ];

    public static string Describe(StatusResult? result) =>
        result is null ? "no result" : $"{result.Status}: {result.Exception?.Type} {result.Exception?.Message}";

    [Fact]
    public void The_handshake_completes_and_the_worker_reports_its_capabilities_with_the_http_uri()
    {
        Assert.True(session.Start.WorkerId == session.Host.WorkerId,
            $"StartStream.worker_id is '{session.Start.WorkerId}', not the --functions-worker-id '{session.Host.WorkerId}' the host passed.");
        Assert.True(session.Init.Result?.Status == Status.Success, $"WorkerInitResponse.result: {Describe(session.Init.Result)}");
        var capabilities = session.Init.Capabilities;
        Assert.All(RequiredCapabilities, c => Assert.True(capabilities.TryGetValue(c, out var v) && v == bool.TrueString,
            $"WorkerInitResponse.capabilities[{c}] is '{(capabilities.TryGetValue(c, out var w) ? w : "absent")}', expected True."));

        Assert.True(capabilities.TryGetValue("HttpUri", out var httpUri), "WorkerInitResponse.capabilities lacks HttpUri (the ASP.NET Core integration).");
        Assert.True(Uri.TryCreate(httpUri, UriKind.Absolute, out var uri) && uri.Scheme == "http" && uri.IsLoopback && uri.Port > 0,
            $"WorkerInitResponse.capabilities[HttpUri] = '{httpUri}' is not an http URI on loopback with a port.");
        // The harness loads functions one request each, the host's path when the worker lacks this capability.
        Assert.False(capabilities.ContainsKey("SupportsLoadResponseCollection"),
            "The worker now reports SupportsLoadResponseCollection: the host would send FunctionLoadRequestCollection, which the harness does not.");

        Assert.StartsWith(".NET", session.Init.WorkerMetadata.RuntimeName);
        Assert.StartsWith("10.", session.Init.WorkerMetadata.RuntimeVersion);
        Assert.Equal(1, session.Host.Streams);
    }

    [Fact]
    public void Worker_indexing_returns_every_function_of_functions_metadata_with_its_bindings()
    {
        var index = session.Index;
        Assert.True(index.Result?.Status == Status.Success, $"FunctionMetadataResponse.result: {Describe(index.Result)}");
        Assert.False(index.UseDefaultMetadataIndexing, "FunctionMetadataResponse.use_default_metadata_indexing is true: the host would index instead.");
        var declared = JsonDocument.Parse(File.ReadAllText(Path.Combine(session.Host.ScriptRoot, "functions.metadata"))).RootElement
            .EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);

        Assert.Equal(declared.Keys.Order(), index.FunctionMetadataResults.Select(f => f.Name).Order());
        Assert.Equal(index.FunctionMetadataResults.Count, index.FunctionMetadataResults.Select(f => f.FunctionId).Where(id => id.Length > 0).Distinct().Count());
        foreach (var function in index.FunctionMetadataResults)
        {
            var file = declared[function.Name];
            Assert.True(file.GetProperty("entryPoint").GetString() == function.EntryPoint, $"{function.Name}: RpcFunctionMetadata.entry_point is '{function.EntryPoint}'.");
            Assert.True(file.GetProperty("scriptFile").GetString() == function.ScriptFile, $"{function.Name}: RpcFunctionMetadata.script_file is '{function.ScriptFile}'.");
            Assert.Equal("dotnet-isolated", function.Language);

            var fileBindings = file.GetProperty("bindings").EnumerateArray().Select(BindingFacts).Order().ToArray();
            var rawBindings = function.RawBindings.Select(r => BindingFacts(JsonDocument.Parse(r).RootElement)).Order().ToArray();
            Assert.True(fileBindings.SequenceEqual(rawBindings),
                $"{function.Name}: RpcFunctionMetadata.raw_bindings [{string.Join("; ", rawBindings)}] differ from functions.metadata [{string.Join("; ", fileBindings)}].");

            // The typed map the host keys invocations by: one entry per binding, same type and direction.
            var typed = function.Bindings.Select(b => $"{b.Key}|{b.Value.Type}|{b.Value.Direction}".ToLowerInvariant()).Order().ToArray();
            var expected = file.GetProperty("bindings").EnumerateArray()
                .Select(b => $"{b.GetProperty("name").GetString()}|{b.GetProperty("type").GetString()}|{b.GetProperty("direction").GetString()}".ToLowerInvariant())
                .Order().ToArray();
            Assert.True(expected.SequenceEqual(typed), $"{function.Name}: RpcFunctionMetadata.bindings [{string.Join("; ", typed)}] differ from functions.metadata.");
        }

        Assert.Equal("%DailyRunSchedule%", Raw(session.Function("DailyRun"), "timerTrigger").GetProperty("schedule").GetString());
        var predict = Raw(session.Function("Predict"), "httpTrigger");
        Assert.Equal("predict", predict.GetProperty("route").GetString());
        Assert.Equal(["post"], predict.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToLowerInvariant()));
    }

    [Fact]
    public void Every_function_loads()
    {
        Assert.Equal(session.Index.FunctionMetadataResults.Count, session.Loads.Count);
        Assert.All(session.Loads, l => Assert.True(l.Result?.Status == Status.Success,
            $"FunctionLoadResponse for {l.FunctionId}: result {Describe(l.Result)}"));
    }

    [Fact]
    public async Task DailyRun_runs_the_pipeline_into_the_lake_and_a_concurrent_one_fails_on_the_run_lock()
    {
        var runs = session.ConcurrentRuns;
        var succeeded = runs.Where(r => r.Result?.Status == Status.Success).ToList();
        var failed = runs.Where(r => r.Result?.Status == Status.Failure).ToList();
        Assert.True(succeeded.Count == 1 && failed.Count == 1,
            $"Two DailyRun invocations at once: expected one Success and one Failure, got InvocationResponse.result {string.Join(" and ", runs.Select(r => Describe(r.Result)))}.\n{session.Host.Describe()}");

        // The timer function's promise: a run that cannot take the lake fails the invocation with the lock's error,
        // which the host logs; the next firing runs what is pending.
        var error = failed[0].Result.Exception;
        Assert.True(error.Type == typeof(LakeLockedException).FullName,
            $"InvocationResponse.result.exception.type is '{error.Type}', expected {typeof(LakeLockedException).FullName}: {error.Message}");
        // (The holder's name is not asserted: two runs started in the same millisecond may read it before it is written.)
        Assert.True(error.Message.Contains("is locked by another run", StringComparison.Ordinal),
            $"InvocationResponse.result.exception.message does not say the lake is locked: {error.Message}");
        Assert.True(error.IsUserException, "InvocationResponse.result.exception.is_user_exception is false (EnableUserCodeException).");

        Console.WriteLine($"Two DailyRun invocations at once (one runs the pipeline, one meets the lock): {session.ConcurrentRunsDuration.TotalSeconds:0.0} s");
        var (code, stderr) = await AppProcess.RunAsync(["validate", "--data", session.Data, "--artifacts", session.Artifacts]);
        Assert.True(code == 0, $"./mlrisk validate on the lake DailyRun wrote exited {code}:\n{stderr}");
        Assert.True(Directory.EnumerateDirectories(Path.Combine(session.Data, "predictions_daily")).Any(), "DailyRun wrote no predictions_daily partition.");
    }

    [Fact]
    public void A_past_due_firing_runs_and_is_logged_as_past_due()
    {
        Assert.True(session.PastDue.Result?.Status == Status.Success, $"InvocationResponse.result for the past-due DailyRun: {Describe(session.PastDue.Result)}");
        var logged = session.Host.Logs.Where(l => l.InvocationId == session.PastDueRequest.InvocationId && l.Message.Contains("IsPastDue = True")).ToList();
        Assert.True(logged.Count == 1,
            $"No RpcLog with invocation_id {session.PastDueRequest.InvocationId} says 'IsPastDue = True'.\n{session.Host.Describe()}");
        Assert.Equal(RpcLog.Types.Level.Information, logged[0].Level);
        // And still as a JSON line on stdout, which the host also records.
        Assert.Contains($"\"IsPastDue\":true,", session.Host.Stdout);
    }

    /// <summary>The facts of one binding the host reads: name, type, direction, and per trigger the schedule setting, route, methods, auth.</summary>
    private static string BindingFacts(JsonElement binding)
    {
        string Get(string name) => binding.TryGetProperty(name, out var v) ? v.ToString() : "";
        var methods = binding.TryGetProperty("methods", out var m) ? string.Join(",", m.EnumerateArray().Select(x => x.GetString()!.ToLowerInvariant())) : "";
        return string.Join("|", Get("name"), Get("type"), Get("direction").ToLowerInvariant(), Get("schedule"), Get("route"), methods, Get("authLevel").ToLowerInvariant());
    }

    private static JsonElement Raw(RpcFunctionMetadata function, string type) =>
        function.RawBindings.Select(r => JsonDocument.Parse(r).RootElement).Single(b => b.GetProperty("type").GetString() == type);
}
