using System.Globalization;
using System.Text.Json;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;

namespace MlRisk.Core.Monitoring;

/// <summary>
/// The reference of each model's final fit, computed once from its training rows and kept as
/// <c>monitoring/references/&lt;version&gt;-w&lt;window&gt;.json</c>, so a daily monitor run reads one small file instead
/// of the training history. Derived data: deleting it only makes the next monitor run rebuild it.
/// </summary>
public sealed class MonitorReferenceStore(IArtifactStore store)
{
    public Task<MonitorReference?> ReadAsync(string version, int window, CancellationToken ct) =>
        store.ReadAsync<MonitorReference>(PathOf(version, window), "a monitor reference", "delete it and the next monitor run rebuilds it", ct);

    public async Task<bool> ExistsAsync(string version, int window, CancellationToken ct) => await store.StampAsync(PathOf(version, window), ct) is not null;

    public async Task WriteAsync(string version, MonitorReference reference, CancellationToken ct)
    {
        var path = PathOf(version, reference.WindowSessions);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(reference, MlRiskJson.Files);
        // The reference of a version is a pure function of its training rows, so an existing file already holds these bytes.
        if (await store.StampAsync(path, ct) is null) await store.ReplaceAsync(path, bytes, null, ct);
    }

    private static string PathOf(string version, int window) =>
        string.Create(CultureInfo.InvariantCulture, $"monitoring/references/{version}-w{window}.json");
}
