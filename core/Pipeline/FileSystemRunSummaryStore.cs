using System.Text.Json;
using Microsoft.Extensions.Options;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;

namespace MlRisk.Core.Pipeline;

/// <summary>
/// Run summaries as <c>&lt;artifacts&gt;/runs/&lt;run_id&gt;/summary.json</c>. Run ids start with the UTC start time,
/// so the latest run is the greatest folder name. Written to a temp name and renamed, so a reader polling
/// /runs/latest never sees half a file.
/// </summary>
public sealed class FileSystemRunSummaryStore(IOptions<PipelineOptions> options) : IRunSummaryStore
{
    public const string FileName = "summary.json";

    private string RunsFolder => RunsFolderOf(options.Value.ArtifactsPath);

    /// <summary>Where the summary of run <paramref name="runId"/> is written under <paramref name="artifactsPath"/>.</summary>
    public static string PathOf(string artifactsPath, string runId) => Path.Combine(RunsFolderOf(artifactsPath), runId, FileName);

    private static string RunsFolderOf(string artifactsPath) => Path.Combine(Path.GetFullPath(artifactsPath), "runs");

    public async Task WriteAsync(RunSummary summary, CancellationToken ct)
    {
        var folder = Path.Combine(RunsFolder, summary.RunId);
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $"{TempFiles.Prefix}{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(temp, JsonSerializer.SerializeToUtf8Bytes(summary, MlRiskJson.Files), ct);
        File.Move(temp, Path.Combine(folder, FileName), overwrite: true);
    }

    public async Task<RunSummary?> ReadLatestAsync(CancellationToken ct)
    {
        if (!Directory.Exists(RunsFolder)) return null;
        var latest = Directory.EnumerateDirectories(RunsFolder)
            .Select(d => Path.Combine(d, FileName))
            .Where(File.Exists)
            .OrderDescending(StringComparer.Ordinal)
            .FirstOrDefault();
        if (latest is null) return null;
        await using var stream = File.OpenRead(latest);
        return await JsonSerializer.DeserializeAsync<RunSummary>(stream, MlRiskJson.Files, ct)
            ?? throw new InvalidDataException($"{latest} holds no run summary");
    }
}
