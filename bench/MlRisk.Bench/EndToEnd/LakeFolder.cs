namespace MlRisk.Bench.EndToEnd;

/// <summary>A lake and its artifacts (model registry, run summaries) side by side in one scratch folder.</summary>
public sealed record LakeFolder(string Root)
{
    public string Data => Path.Combine(Root, "data");

    public string Artifacts => Path.Combine(Root, "artifacts");

    public IReadOnlyList<string> RunOptions => ["--data", Data, "--artifacts", Artifacts];

    public void Delete()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    /// <summary>A file-by-file copy at <paramref name="target"/> (replacing what is there), for runs that must start from the same state.</summary>
    public LakeFolder CopyTo(string target)
    {
        var copy = new LakeFolder(target);
        copy.Delete();
        foreach (var folder in Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(target, Path.GetRelativePath(Root, folder)));
        }
        foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(Root, file)));
        }
        return copy;
    }
}
