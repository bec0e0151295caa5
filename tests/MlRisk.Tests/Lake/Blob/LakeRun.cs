using MlRisk.Core.Pipeline;

namespace MlRisk.Tests.Lake.Blob;

/// <summary>One full pipeline run: its summary, wall time, and what it left (partitions by lake path, model files by path under models/).</summary>
public sealed record LakeRun(
    RunSummary? Summary,
    TimeSpan WallTime,
    SortedDictionary<string, byte[]> Partitions,
    SortedDictionary<string, byte[]> ModelFiles)
{
    public static readonly LakeRun None = new(null, TimeSpan.Zero, new(StringComparer.Ordinal), new(StringComparer.Ordinal));
}
