using MlRisk.Core.Lake;

namespace MlRisk.Tests.Faults;

/// <summary>
/// SIGKILL of the real app in the middle of each stage (the moment picked by <see cref="PausingFaultPoints"/>), then a
/// plain rerun: the lake validates, nothing is lost, duplicated or half-written, and the lake and the model are
/// byte-identical to an uninterrupted run. Stages before the crashed one start done (copied from the clean run).
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class StageKillTests(CleanRunFixture clean)
{
    private static readonly TimeSpan PauseWait = TimeSpan.FromMinutes(2);

    /// <summary>"train-cached": killed once the walk-forward's folds are in the fold cache but before the model is stored; the rerun takes them from there.</summary>
    public static TheoryData<string> Stages => ["ingest", "features", "labels", "train", "train-cached", "infer", "monitor"];

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task A_run_killed_inside_a_stage_then_rerun_equals_an_uninterrupted_run(string stage)
    {
        var (data, artifacts) = clean.NewFolders("kill-" + stage);
        var (done, models, hook) = stage switch
        {
            "ingest" => (Array.Empty<string>(), false, (PausingFaultPoints.PartitionsVariable, "raw.market:300")),
            "features" => ([Datasets.RawMarket.Name, Datasets.CuratedMarketDaily.Name], false, (PausingFaultPoints.PartitionsVariable, "features_daily:300")),
            "labels" => ([Datasets.RawMarket.Name, Datasets.CuratedMarketDaily.Name, Datasets.FeaturesDaily.Name], false,
                (PausingFaultPoints.PartitionsVariable, "labels_daily:300")),
            "train" => ([Datasets.RawMarket.Name, Datasets.CuratedMarketDaily.Name, Datasets.FeaturesDaily.Name, Datasets.LabelsDaily.Name], false,
                (PausingFaultPoints.PointVariable, "train.before-promote")),
            "train-cached" => ([Datasets.RawMarket.Name, Datasets.CuratedMarketDaily.Name, Datasets.FeaturesDaily.Name, Datasets.LabelsDaily.Name], false,
                (PausingFaultPoints.PointVariable, "train.after-fold-cache")),
            "infer" => ([Datasets.RawMarket.Name, Datasets.CuratedMarketDaily.Name, Datasets.FeaturesDaily.Name, Datasets.LabelsDaily.Name], true,
                (PausingFaultPoints.PartitionsVariable, "predictions_daily:300")),
            "monitor" => ([Datasets.RawMarket.Name, Datasets.CuratedMarketDaily.Name, Datasets.FeaturesDaily.Name, Datasets.LabelsDaily.Name, Datasets.PredictionsDaily.Name], true,
                (PausingFaultPoints.PartitionsVariable, "monitoring_daily:300")),
            _ => throw new ArgumentOutOfRangeException(nameof(stage)),
        };
        clean.Seed(data, artifacts, done, models);

        using (var doomed = AppProcess.Start(["run", "--data", data, "--artifacts", artifacts],
            new Dictionary<string, string> { [hook.Item1] = hook.Item2 }))
        {
            await doomed.WaitUntilPausedAsync(PauseWait);
            await doomed.KillAsync();
        }
        AssertCrashLeftAPrefix(stage, data, artifacts);

        var (code, stderr) = await AppProcess.RunAsync(["run", "--data", data, "--artifacts", artifacts]);
        Assert.True(code == 0, $"the rerun after a crash in {stage} failed with {code}:\n{stderr}");
        var (validate, report) = await AppProcess.RunAsync(["validate", "--data", data, "--artifacts", artifacts]);
        Assert.True(validate == 0, $"validate after a crash in {stage} exited {validate}:\n{report}");
        Assert.Contains("lake is valid", report);

        LakeFiles.AssertSameLake(clean.Data, data);
        LakeFiles.AssertSameChampion(clean.Artifacts, artifacts);
        // The rerun wrote into the datasets the killed run was writing, and removed the files it had staged.
        Assert.Empty(LakeFiles.TempFiles(data));
    }

    /// <summary>What the kill left: the crashed dataset holds exactly the clean run's first partitions, none half-written.</summary>
    private void AssertCrashLeftAPrefix(string stage, string data, string artifacts)
    {
        if (stage == "train")
        {
            Assert.False(File.Exists(Path.Combine(artifacts, "models", "champion.json")), "the kill came after the champion was promoted");
            Assert.Single(Directory.GetFiles(Path.Combine(artifacts, "models"), "metadata.json", SearchOption.AllDirectories));
            return;
        }
        if (stage == "train-cached")
        {
            var models = Path.Combine(artifacts, "models");
            Assert.False(Directory.Exists(models) && Directory.GetFiles(models, "metadata.json", SearchOption.AllDirectories).Length > 0,
                "the kill came after a model was stored");
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(artifacts, "folds"), "*.parquet", SearchOption.AllDirectories));
            return;
        }
        var dataset = stage switch
        {
            "ingest" => Datasets.RawMarket.Name,
            "features" => Datasets.FeaturesDaily.Name,
            "labels" => Datasets.LabelsDaily.Name,
            "infer" => Datasets.PredictionsDaily.Name,
            _ => Datasets.MonitoringDaily.Name,
        };
        var cleanFiles = LakeFiles.Published(clean.Data);
        var crashed = LakeFiles.Published(data);
        var written = crashed.Keys.Where(k => k.StartsWith(dataset + "/", StringComparison.Ordinal)).ToList();
        var expected = cleanFiles.Keys.Where(k => k.StartsWith(dataset + "/", StringComparison.Ordinal)).Take(300).ToList();
        Assert.Equal(expected, written);
        Assert.All(crashed, file => Assert.True(file.Value.AsSpan().SequenceEqual(cleanFiles[file.Key]), $"{file.Key} differs from the clean run's"));
    }
}
