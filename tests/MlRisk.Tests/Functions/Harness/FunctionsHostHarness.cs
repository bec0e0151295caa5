using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlRisk.Tests.Faults;
using MlRisk.Tests.Functions.Harness.Rpc;
using Kind = MlRisk.Tests.Functions.Harness.Rpc.StreamingMessage.ContentOneofCase;

namespace MlRisk.Tests.Functions.Harness;

/// <summary>
/// A stand-in for the Azure Functions host's side of the worker protocol: a gRPC server for
/// <c>FunctionRpc.EventStream</c> on 127.0.0.1 (a free port, HTTP/2 without TLS, as the host listens), and the
/// published worker started as a process exactly as the host starts a dotnet-isolated worker.
/// <para>
/// Emulated host: Azure Functions host 4.1037 (azure-functions-host <c>GrpcWorkerChannel</c> and
/// <c>RpcWorkerContext</c> of that version), the 4.x host the image <c>4-dotnet-isolated10.0</c> in
/// functions/Dockerfile carries or succeeds. Where the host chooses by version or capability, this follows it:
/// the command line of <c>RpcWorkerContext.GetFormattedArguments</c> (generic and <c>--functions-</c> prefixed copies),
/// max message length <c>int.MaxValue</c>, <c>FUNCTIONS_WORKER_DIRECTORY</c> and <c>FUNCTIONS_APPLICATION_DIRECTORY</c>
/// in the environment, the <c>MultiStream</c> capability offered in WorkerInitRequest, worker indexing
/// (FunctionsMetadataRequest) because worker.config.json says <c>workerIndexing</c>, one FunctionLoadRequest per
/// function unless the worker reports <c>SupportsLoadResponseCollection</c>, an empty RpcHttp for HTTP triggers when
/// the worker reports <c>HttpUri</c> (the request itself is forwarded with <c>x-ms-invocation-id</c>), and
/// WorkerTerminate with a 5 s grace period only when the worker reports <c>HandlesWorkerTerminateMessage</c>.
/// </para>
/// Every wait fails the test naming the message and the field it waited for, with what the worker did send.
/// </summary>
public sealed class FunctionsHostHarness : IAsyncDisposable
{
    public const string HostVersion = "4.1037.0.0";

    /// <summary>RpcWorkerConstants.DefaultMaxMessageLengthBytes.</summary>
    public const int MaxMessageLength = int.MaxValue;

    /// <summary>WorkerConstants.WorkerTerminateGracePeriodInSeconds: the host waits this long, then kills the worker.</summary>
    public static readonly TimeSpan TerminateGracePeriod = TimeSpan.FromSeconds(5);

    /// <summary>How long the host waits for StartStream and WorkerInitResponse (ProcessStartupTimeout, InitializationTimeout are larger).</summary>
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    private readonly WebApplication _server;
    private readonly Channel<StreamingMessage> _outbound = Channel.CreateUnbounded<StreamingMessage>();
    private readonly List<StreamingMessage> _inbound = [];
    private readonly List<StreamingMessage> _unclaimed = [];
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private TaskCompletionSource _arrived = NewSignal();
    private Process? _worker;
    private int _streams;

    private FunctionsHostHarness(WebApplication server, string scriptRoot)
    {
        _server = server;
        ScriptRoot = scriptRoot;
    }

    /// <summary>The app folder the host runs (AzureWebJobsScriptRoot): the published worker.</summary>
    public string ScriptRoot { get; }

    public string WorkerId { get; } = Guid.NewGuid().ToString();

    public string RequestId { get; } = Guid.NewGuid().ToString();

    public Uri ServerUri { get; private set; } = null!;

    public Process Worker => _worker ?? throw new InvalidOperationException("The worker is not started.");

    /// <summary>How many EventStream calls the worker opened.</summary>
    public int Streams => Volatile.Read(ref _streams);

    public string Stdout
    {
        get
        {
            lock (_stdout) return _stdout.ToString();
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr) return _stderr.ToString();
        }
    }

    /// <summary>Every RpcLog the worker has sent so far.</summary>
    public IReadOnlyList<RpcLog> Logs
    {
        get
        {
            lock (_inbound) return [.. _inbound.Where(m => m.ContentCase == Kind.RpcLog).Select(m => m.RpcLog)];
        }
    }

    /// <summary>Every message the worker has sent so far, in order.</summary>
    public IReadOnlyList<StreamingMessage> Received
    {
        get
        {
            lock (_inbound) return [.. _inbound];
        }
    }

    /// <summary>
    /// Starts the gRPC server and the worker process. <paramref name="appSettings"/> are the app settings the host
    /// passes as environment variables (over those of local.settings.json.example).
    /// </summary>
    public static async Task<FunctionsHostHarness> StartAsync(IReadOnlyDictionary<string, string> appSettings)
    {
        var scriptRoot = await PublishedWorker.EnsureAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = MaxMessageLength;
            o.MaxSendMessageSize = MaxMessageLength;
        });
        FunctionsHostHarness? harness = null;
        builder.Services.AddSingleton(_ => new EventStreamService(harness!));
        var server = builder.Build();
        server.MapGrpcService<EventStreamService>();
        harness = new FunctionsHostHarness(server, scriptRoot);
        await server.StartAsync();
        harness.ServerUri = new Uri(server.Urls.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        harness.StartWorker(appSettings);
        return harness;
    }

    private void StartWorker(IReadOnlyDictionary<string, string> appSettings)
    {
        // The host reads worker.config.json in the app folder and runs defaultExecutablePath defaultWorkerPath ARGS.
        var description = JsonDocument.Parse(File.ReadAllText(Path.Combine(ScriptRoot, "worker.config.json"))).RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("true", description.GetProperty("workerIndexing").GetString());
        var executable = description.GetProperty("defaultExecutablePath").GetString() switch
        {
            "dotnet" => AppProcess.Dotnet,
            var other => other!,
        };
        var workerPath = Path.Combine(ScriptRoot, description.GetProperty("defaultWorkerPath").GetString()!);
        var max = MaxMessageLength.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string[] args =
        [
            workerPath,
            "--host", ServerUri.Host, "--port", ServerUri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workerId", WorkerId, "--requestId", RequestId, "--grpcMaxMessageLength", max,
            "--functions-uri", ServerUri.AbsoluteUri, "--functions-worker-id", WorkerId,
            "--functions-request-id", RequestId, "--functions-grpc-max-message-length", max,
        ];

        var environment = new Dictionary<string, string>(LocalSettingsExample())
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["AzureWebJobsScriptRoot"] = ScriptRoot,
            ["FUNCTIONS_WORKER_DIRECTORY"] = ScriptRoot,
            ["FUNCTIONS_APPLICATION_DIRECTORY"] = ScriptRoot,
        };
        foreach (var (key, value) in appSettings) environment[key] = value;
        var info = AppProcess.StartInfo(executable, args, environment);
        info.WorkingDirectory = ScriptRoot;
        info.Environment.Remove("Logging__Format");

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stdout) _stdout.AppendLine(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr) _stderr.AppendLine(e.Data);
        };
        process.Exited += (_, _) => Signal();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _worker = process;
    }

    /// <summary>The Values of local.settings.json.example: the app settings every deployment passes.</summary>
    public static IReadOnlyDictionary<string, string> LocalSettingsExample()
    {
        var values = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("local.settings.json.example"))).RootElement.GetProperty("Values");
        return values.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    public void Send(StreamingMessage message)
    {
        if (!_outbound.Writer.TryWrite(message)) throw new InvalidOperationException("The host's stream is closed.");
    }

    /// <summary>Waits for the first unclaimed message of <paramref name="kind"/> that <paramref name="match"/> accepts, and claims it.</summary>
    public async Task<StreamingMessage> ReceiveAsync(Kind kind, string what, TimeSpan timeout, Func<StreamingMessage, bool>? match = null)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrived;
            lock (_inbound)
            {
                var found = _unclaimed.FirstOrDefault(m => m.ContentCase == kind && (match is null || match(m)));
                if (found is not null)
                {
                    _unclaimed.Remove(found);
                    return found;
                }
                arrived = _arrived.Task;
            }
            if (_worker is { HasExited: true })
            {
                Assert.Fail($"The worker exited with code {_worker.ExitCode} before it sent {what}.\n{Describe()}");
            }
            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The worker sent no {what} within {timeout.TotalSeconds:0} s.\n{Describe()}");
            }
        }
    }

    /// <summary>What the worker sent and printed, for failure messages.</summary>
    public string Describe()
    {
        var kinds = string.Join(", ", Received.Where(m => m.ContentCase != Kind.RpcLog).Select(m => m.ContentCase));
        var logs = string.Join("\n  ", Logs.TakeLast(15).Select(l => $"[{l.Level}] {l.Category}: {l.Message}"));
        return $"Messages received (RpcLog aside): [{kinds}]\nLast RpcLogs:\n  {logs}\nstderr (tail):\n{Tail(Stderr)}\nstdout (tail):\n{Tail(Stdout)}";
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : "…" + text[^4000..];

    /// <summary>StartStream with our worker id, then WorkerInitRequest as the host sends it, and the worker's answer.</summary>
    public async Task<(StartStream Start, WorkerInitResponse Init)> InitializeAsync()
    {
        var start = (await ReceiveAsync(Kind.StartStream, "StartStream (the first message of the stream)", StartupTimeout)).StartStream;
        var request = new WorkerInitRequest
        {
            HostVersion = HostVersion,
            WorkerDirectory = ScriptRoot,
            FunctionAppDirectory = ScriptRoot,
            Capabilities = { ["MultiStream"] = "10" },
        };
        Send(new StreamingMessage { RequestId = RequestId, WorkerInitRequest = request });
        var init = (await ReceiveAsync(Kind.WorkerInitResponse, "WorkerInitResponse", StartupTimeout)).WorkerInitResponse;
        return (start, init);
    }

    /// <summary>Worker indexing: FunctionsMetadataRequest with the app folder, answered by FunctionMetadataResponse.</summary>
    public async Task<FunctionMetadataResponse> IndexAsync()
    {
        Send(new StreamingMessage
        {
            RequestId = Guid.NewGuid().ToString(),
            FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = ScriptRoot },
        });
        return (await ReceiveAsync(Kind.FunctionMetadataResponse, "FunctionMetadataResponse", StartupTimeout)).FunctionMetadataResponse;
    }

    /// <summary>One FunctionLoadRequest per indexed function (the host's path without SupportsLoadResponseCollection).</summary>
    public async Task<IReadOnlyList<FunctionLoadResponse>> LoadAsync(IEnumerable<RpcFunctionMetadata> functions)
    {
        var sent = new List<string>();
        foreach (var indexed in functions)
        {
            var metadata = new RpcFunctionMetadata
            {
                Name = indexed.Name,
                Directory = indexed.Directory,
                EntryPoint = indexed.EntryPoint,
                ScriptFile = indexed.ScriptFile,
                FunctionId = indexed.FunctionId,
                IsProxy = false,
            };
            metadata.Bindings.Add(indexed.Bindings);
            metadata.Properties.Add(indexed.Properties);
            Send(new StreamingMessage
            {
                RequestId = Guid.NewGuid().ToString(),
                FunctionLoadRequest = new FunctionLoadRequest { FunctionId = indexed.FunctionId, Metadata = metadata },
            });
            sent.Add(indexed.FunctionId);
        }
        var responses = new List<FunctionLoadResponse>();
        foreach (var id in sent)
        {
            var response = await ReceiveAsync(Kind.FunctionLoadResponse, $"FunctionLoadResponse with function_id {id}", StartupTimeout,
                m => m.FunctionLoadResponse.FunctionId == id);
            responses.Add(response.FunctionLoadResponse);
        }
        return responses;
    }

    /// <summary>Sends <paramref name="request"/> and waits for the InvocationResponse with its invocation_id.</summary>
    public async Task<InvocationResponse> InvokeAsync(InvocationRequest request, TimeSpan timeout)
    {
        Send(new StreamingMessage { RequestId = Guid.NewGuid().ToString(), InvocationRequest = request });
        var response = await ReceiveAsync(Kind.InvocationResponse, $"InvocationResponse with invocation_id {request.InvocationId}", timeout,
            m => m.InvocationResponse.InvocationId == request.InvocationId);
        return response.InvocationResponse;
    }

    /// <summary>WorkerTerminate with the host's grace period.</summary>
    public void Terminate() =>
        Send(new StreamingMessage { WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(TerminateGracePeriod) } });

    private void Arrive(StreamingMessage message)
    {
        lock (_inbound)
        {
            _inbound.Add(message);
            if (message.ContentCase != Kind.RpcLog) _unclaimed.Add(message);
        }
        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_inbound)
        {
            previous = _arrived;
            _arrived = NewSignal();
        }
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        if (_worker is { } worker)
        {
            if (!worker.HasExited) worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
            worker.Dispose();
        }
        _outbound.Writer.TryComplete();
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    /// <summary>The host's end of FunctionRpc.EventStream: inbound messages to the harness, the harness's messages out.</summary>
    private sealed class EventStreamService(FunctionsHostHarness harness) : FunctionRpc.FunctionRpcBase
    {
        public override async Task EventStream(
            IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context)
        {
            Interlocked.Increment(ref harness._streams);
            using var done = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
            var writing = Task.Run(async () =>
            {
                await foreach (var message in harness._outbound.Reader.ReadAllAsync(done.Token))
                {
                    await responseStream.WriteAsync(message, done.Token);
                }
            }, done.Token);
            try
            {
                await foreach (var message in requestStream.ReadAllAsync(context.CancellationToken))
                {
                    harness.Arrive(message);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or Grpc.Core.RpcException)
            {
                // The worker went away: the stream ends with it.
            }
            await done.CancelAsync();
            try
            {
                await writing;
            }
            catch (OperationCanceledException)
            {
                // Stopped above.
            }
        }
    }
}
