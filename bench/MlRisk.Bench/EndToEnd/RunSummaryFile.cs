using System.Text.Json;
using MlRisk.Core.Contracts;
using MlRisk.Core.Pipeline;

namespace MlRisk.Bench.EndToEnd;

/// <summary>
/// The run summary a pipeline run leaves in <c>ARTIFACTS/runs/&lt;run_id&gt;/summary.json</c>, read for each
/// stage's duration and partitions written.
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

    /// <summary>Reads the file as the app's own <see cref="RunSummary"/> type, in the product's one JSON policy.</summary>
    public static RunSummaryFile Read(string path)
    {
        var summary = JsonSerializer.Deserialize<RunSummary>(File.ReadAllBytes(path), MlRiskJson.Files)
            ?? throw new InvalidDataException($"{path}: holds no run summary");
        var stages = summary.Stages.Select(s => new StageTiming(
            s.Stage, Name(s.Status), s.DurationMs, s.Result?.PartitionsWritten ?? 0)).ToList();
        return new RunSummaryFile(path, summary.RunId, Name(summary.Status), stages);
    }

    private static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
