using System.Text.Json;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;

namespace MlRisk.Core.Monitoring;

/// <summary><see cref="MonitorReport"/> as <c>monitoring/latest.json</c> in the artifact store, replaced whole by the monitor stage under the run lock.</summary>
public sealed class MonitorReportStore(IArtifactStore store)
{
    public const string Path = "monitoring/latest.json";

    public string Location => store.Describe(Path);

    public async Task<MonitorReport?> ReadAsync(CancellationToken ct)
    {
        if (await store.ReadAsync(Path, ct) is not { } bytes) return null;
        try
        {
            return JsonSerializer.Deserialize<MonitorReport>(bytes, MlRiskJson.Files)
                ?? throw new InvalidDataException($"{Location} is empty; delete it and the next monitor stage writes it again");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{Location} is not a monitor report ({e.Message}); delete it and the next monitor stage writes it again", e);
        }
    }

    public async Task WriteAsync(MonitorReport report, CancellationToken ct)
    {
        var stamp = await store.StampAsync(Path, ct);
        if (!await store.ReplaceAsync(Path, JsonSerializer.SerializeToUtf8Bytes(report, MlRiskJson.Files), stamp, ct))
        {
            throw new IOException($"{Location} changed while the monitor stage wrote it; only one run may hold the lake");
        }
    }
}
