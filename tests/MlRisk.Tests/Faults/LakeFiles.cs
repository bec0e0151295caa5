using System.Text.Json.Nodes;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;

namespace MlRisk.Tests.Faults;

/// <summary>Byte-level views of a lake folder and a model registry, for comparing a faulted run with a clean one.</summary>
public static class LakeFiles
{
    /// <summary>Every published lake file (relative path → bytes); in-flight temp files and the run lock are not part of the lake.</summary>
    public static SortedDictionary<string, byte[]> Published(string data)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        if (!Directory.Exists(data)) return files;
        foreach (var file in Directory.EnumerateFiles(data, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(data, file).Replace(Path.DirectorySeparatorChar, '/');
            var name = Path.GetFileName(file);
            if (name.StartsWith(MlRisk.Core.Lake.TempFiles.Prefix, StringComparison.Ordinal) || name.StartsWith(".run.", StringComparison.Ordinal)) continue;
            files[relative] = File.ReadAllBytes(file);
        }
        return files;
    }

    /// <summary>Every file whose name marks an interrupted write.</summary>
    public static IReadOnlyList<string> TempFiles(string data) => Directory.Exists(data)
        ? [.. Directory.EnumerateFiles(data, MlRisk.Core.Lake.TempFiles.Prefix + "*", SearchOption.AllDirectories)]
        : [];

    /// <summary>Relative paths of one dataset's published files.</summary>
    public static IReadOnlyList<string> List(string data, string dataset) =>
        [.. Published(data).Keys.Where(k => k.StartsWith(dataset + "/", StringComparison.Ordinal))];

    /// <summary>Asserts the two lakes hold the same published files with the same bytes, naming the first difference.</summary>
    public static void AssertSameLake(string expected, string actual)
    {
        var want = Published(expected);
        var got = Published(actual);
        var missing = want.Keys.Except(got.Keys).ToList();
        var extra = got.Keys.Except(want.Keys).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"lake file lists differ: {missing.Count} missing (e.g. {string.Join(", ", missing.Take(3))}), {extra.Count} extra (e.g. {string.Join(", ", extra.Take(3))})");
        var differing = want.Keys.Where(k => !want[k].AsSpan().SequenceEqual(got[k])).ToList();
        Assert.True(differing.Count == 0, $"{differing.Count} lake file(s) differ in bytes, e.g. {string.Join(", ", differing.Take(3))}");
    }

    /// <summary>
    /// Asserts both registries serve the same champion with the same model.txt and cv_predictions.parquet bytes and
    /// the same metadata.json except its created_at.
    /// </summary>
    public static void AssertSameChampion(string expectedArtifacts, string actualArtifacts)
    {
        var want = Champion(expectedArtifacts);
        var got = Champion(actualArtifacts);
        Assert.Equal(want, got);
        var wantFolder = Path.Combine(expectedArtifacts, "models", want);
        var gotFolder = Path.Combine(actualArtifacts, "models", got);
        foreach (var file in new[] { ModelRegistry.ModelFile, CvPredictionsFile.FileName })
        {
            Assert.True(File.ReadAllBytes(Path.Combine(wantFolder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(gotFolder, file))),
                $"{file} of model {got} differs from the clean run's");
        }
        Assert.Equal(MetadataWithoutCreatedAt(wantFolder), MetadataWithoutCreatedAt(gotFolder));
    }

    public static string Champion(string artifacts)
    {
        var pointer = JsonNode.Parse(File.ReadAllText(Path.Combine(artifacts, "models", ModelRegistry.ChampionFile)))!;
        return (string)pointer["version"]!;
    }

    /// <summary>Copies a folder tree (published files only for a lake, everything for artifacts).</summary>
    public static void Copy(string from, string to, Func<string, bool>? include = null)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (include is not null && !include(relative.Replace(Path.DirectorySeparatorChar, '/'))) continue;
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string MetadataWithoutCreatedAt(string folder)
    {
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, ModelRegistry.MetadataFile)))!.AsObject();
        Assert.True(metadata.Remove("created_at"), $"{folder}/metadata.json has no created_at");
        return metadata.ToJsonString();
    }
}
