using System.Text.Json;

namespace MlRisk.Core.Serving;

/// <summary>Reads the newest pipeline run summary (artifacts/runs/&lt;run_id&gt;/summary.json).</summary>
public interface IRunSummaryReader
{
    /// <summary>The newest summary as stored, or null when no run has written one yet.</summary>
    Task<JsonElement?> LatestAsync(CancellationToken ct);
}
