using System.Text.Json;

namespace MlRisk.Bench.EndToEnd;

/// <summary>
/// The run summary a pipeline run leaves in <c>ARTIFACTS/runs/&lt;run_id&gt;/summary.json</c>, read for each
/// stage's <c>durationMs</c> and <c>result.partitionsWritten</c>.
/// </summary>
public sealed record RunSummaryFile(string Path, string RunId, string Status, IReadOnlyList<StageTiming> Stages)
{
    public const string FileName = "summary.json";

    /// <summary>Run folders present now, to tell afterwards which one a run added.</summary>
    public static HashSet<string> RunFolders(string artifacts)
    {
        var runs = System.IO.Path.Combine(artifacts, "runs");
        return Directory.Exists(runs) ? [.. Directory.EnumerateDirectories(runs)] : [];
    }

    /// <summary>The summary of the one run folder that appeared since <paramref name="before"/>.</summary>
    public static RunSummaryFile ReadNew(string artifacts, HashSet<string> before)
    {
        var added = RunFolders(artifacts).Where(f => !before.Contains(f)).ToList();
        if (added.Count != 1)
        {
            throw new InvalidDataException(
                $"expected exactly one new run folder under {System.IO.Path.Combine(artifacts, "runs")}, found {added.Count}: {string.Join(", ", added)}");
        }
        return Read(System.IO.Path.Combine(added[0], FileName));
    }

    public static RunSummaryFile Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var stages = new List<StageTiming>();
        foreach (var stage in Required(root, "stages", path).EnumerateArray())
        {
            var written = stage.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object
                ? Required(result, "partitionsWritten", path).GetInt64()
                : 0;
            stages.Add(new StageTiming(
                Required(stage, "stage", path).GetString()!,
                Required(stage, "status", path).GetString()!,
                Required(stage, "durationMs", path).GetDouble(),
                written));
        }
        return new RunSummaryFile(path, Required(root, "runId", path).GetString()!, Required(root, "status", path).GetString()!, stages);
    }

    private static JsonElement Required(JsonElement element, string name, string path) =>
        element.TryGetProperty(name, out var value)
            ? value
            : throw new InvalidDataException($"{path}: run summary has no '{name}' where the bench expects it");
}
