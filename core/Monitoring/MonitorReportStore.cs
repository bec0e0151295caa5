using System.Text.Json;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;

namespace MlRisk.Core.Monitoring;

/// <summary><see cref="MonitorReport"/> as <c>monitoring/latest.json</c> in the artifact store, replaced whole by the monitor stage under the run lock.</summary>
public sealed class MonitorReportStore(IArtifactStore store)
{
    public const string Path = "monitoring/latest.json";

    public string Location => store.Describe(Path);

    public Task<MonitorReport?> ReadAsync(CancellationToken ct) =>
        store.ReadAsync<MonitorReport>(Path, "a monitor report", "delete it and the next monitor stage writes it again", ct);

    public async Task WriteAsync(MonitorReport report, CancellationToken ct)
    {
        var stamp = await store.StampAsync(Path, ct);
        if (!await store.ReplaceAsync(Path, JsonSerializer.SerializeToUtf8Bytes(report, MlRiskJson.Files), stamp, ct))
        {
            throw new IOException($"{Location} changed while the monitor stage wrote it; only one run may hold the lake");
        }
    }
}
