using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlRisk.Core.Lake;
using MlRisk.Core.Lake.Blob;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace MlRisk.Tests.Lake.Blob;

/// <summary>
/// A real Azurite blob service for the whole test collection: started from tests/azurite on 127.0.0.1 at a free
/// port, in memory, and killed with its process tree at the end. Does nothing when Azurite is not installed
/// (the tests then skip).
/// </summary>
public sealed class AzuriteFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account key (public, documented by Microsoft).</summary>
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly StringBuilder _output = new();
    private Process? _process;
    private string? _workspace;

    public int Port { get; private set; }

    /// <summary>How long Azurite took from process start to accepting connections.</summary>
    public TimeSpan StartTime { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevAccountKey};BlobEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    public BlobServiceClient Service => new(ConnectionString);

    /// <summary>A container name no other test uses, so every test has a lake of its own.</summary>
    public static string NewContainerName() => "lake-" + Guid.NewGuid().ToString("N");

    /// <summary>A new client over the lake in <paramref name="container"/>.</summary>
    public BlobLakeStorage OpenLake(string container, TimeSpan lockWait, int leaseSeconds = 60, TimeProvider? time = null) =>
        new(Options.Create(new BlobLakeOptions
        {
            ConnectionString = ConnectionString,
            Container = container,
            LeaseSeconds = leaseSeconds,
        }), Options.Create(new LakeOptions { LockWait = lockWait }), time ?? TimeProvider.System, NullLogger<BlobLakeStorage>.Instance);

    /// <summary>A new client over the artifacts (registry, run summaries) of the lake in <paramref name="container"/>: its default container.</summary>
    public BlobArtifactStore OpenArtifacts(string container) =>
        new(Options.Create(new BlobLakeOptions { ConnectionString = ConnectionString, Container = container }));

    public async Task InitializeAsync()
    {
        if (AzuriteInstall.SkipReason is not null) return;
        _workspace = Directory.CreateTempSubdirectory("mlrisk-azurite-").FullName;
        var clock = Stopwatch.StartNew();
        Port = FreePort();
        _process = Start(Port);
        while (!await AcceptsConnectionsAsync(Port))
        {
            if (_process.HasExited || clock.Elapsed > StartTimeout)
            {
                throw new InvalidOperationException(
                    $"Azurite ({AzuriteInstall.BlobScript}) did not start listening on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds:0} s "
                    + $"(exited: {_process.HasExited}). Its output:\n{Output()}\nReinstall it with {AzuriteInstall.InstallCommand}.");
            }
            await Task.Delay(50);
        }
        StartTime = clock.Elapsed;
        diagnostics.OnMessage(new DiagnosticMessage($"Azurite blob service up on 127.0.0.1:{Port} in {StartTime.TotalMilliseconds:0} ms"));
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
        if (_workspace is not null) Directory.Delete(_workspace, recursive: true);
    }

    private Process Start(int port)
    {
        var start = new ProcessStartInfo(AzuriteInstall.Node!)
        {
            WorkingDirectory = _workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     AzuriteInstall.BlobScript!, "--inMemoryPersistence",
                     "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     // The SDK speaks a newer API version than the emulator knows; telemetry would try the internet.
                     "--skipApiVersionCheck", "--loose", "--silent", "--disableTelemetry",
                 })
        {
            start.ArgumentList.Add(argument);
        }
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<bool> AcceptsConnectionsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private string Output()
    {
        lock (_output) return _output.ToString();
    }
}
