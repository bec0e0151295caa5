using MlRisk.Core.Lake;

namespace MlRisk.Tests.Faults;

/// <summary>A damaged Parquet file (truncated, or bytes flipped in its footer) stops the real app loudly and precisely.</summary>
[Collection(FaultsCollection.Name)]
public sealed class ParquetCorruptionTests(CleanRunFixture clean)
{
    private static readonly string[] Downstream = [Datasets.FeaturesDaily.Name, Datasets.LabelsDaily.Name, Datasets.PredictionsDaily.Name];

    [Theory]
    [InlineData("truncated")]
    [InlineData("footer")]
    public async Task A_damaged_curated_partition_fails_the_run_naming_the_file_and_writes_nothing_downstream(string damage)
    {
        var (data, artifacts) = clean.NewFolders("corrupt-" + damage);
        clean.Seed(data, artifacts, [Datasets.RawMarket.Name, Datasets.CuratedMarketDaily.Name], models: false);
        var curated = LakeFiles.List(data, Datasets.CuratedMarketDaily.Name);
        var victim = Path.Combine(data, curated[curated.Count / 2]);
        Damage(victim, damage);
        var before = LakeFiles.Published(data).Keys.ToList();

        var (code, stderr) = await AppProcess.RunAsync(["run", "--data", data, "--artifacts", artifacts]);

        Assert.True(code == 1, $"a run over a {damage} Parquet file exited {code}:\n{stderr}");
        Assert.Contains(victim, stderr);
        Assert.Contains("Parquet", stderr);
        Assert.Equal(before, LakeFiles.Published(data).Keys.ToList());
        Assert.All(Downstream, dataset => Assert.Empty(LakeFiles.List(data, dataset)));
        Assert.False(Directory.Exists(Path.Combine(artifacts, "models")), "a model was trained on a lake with a damaged partition");
    }

    [Fact]
    public async Task Validate_lists_every_damaged_file_across_datasets_and_exits_1()
    {
        var (data, artifacts) = clean.NewFolders("corrupt-validate");
        clean.Seed(data, artifacts, Datasets.All.Select(d => d.Name), models: true);
        var curated = Path.Combine(data, LakeFiles.List(data, Datasets.CuratedMarketDaily.Name)[100]);
        var features = Path.Combine(data, LakeFiles.List(data, Datasets.FeaturesDaily.Name)[200]);
        Damage(curated, "truncated");
        Damage(features, "footer");
        var before = LakeFiles.Published(data);

        var (code, report) = await AppProcess.RunAsync(["validate", "--data", data, "--artifacts", artifacts]);

        Assert.True(code == 1, $"validate over two damaged files exited {code}:\n{report}");
        var problems = report.Split('\n').Where(l => l.StartsWith("problem: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(problems, p => p.Contains(Datasets.CuratedMarketDaily.Name) && p.Contains(curated));
        Assert.Contains(problems, p => p.Contains(Datasets.FeaturesDaily.Name) && p.Contains(features));
        Assert.Contains("2 problem(s) found", report);
        Assert.Equal(before.Keys, LakeFiles.Published(data).Keys);
    }

    /// <summary>Truncates the file to half its length, or inverts the footer's last 12 bytes before the closing magic (metadata tail and its length).</summary>
    private static void Damage(string file, string damage)
    {
        var bytes = File.ReadAllBytes(file);
        if (damage == "truncated")
        {
            File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);
            return;
        }
        for (var i = bytes.Length - 16; i < bytes.Length - 4; i++) bytes[i] ^= 0xFF;
        File.WriteAllBytes(file, bytes);
    }
}
