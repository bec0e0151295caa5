using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlRisk.Core.Lake;
using MlRisk.Core.Sources.Synthetic;
using MlRisk.Functions.Cli;

namespace MlRisk.Tests.Faults;

/// <summary>
/// A full disk or a read-only data folder under the features stage (the run verb in-process, the fault injected
/// through <see cref="ILakeStorage"/>): a clear error naming the path, no half-written partition, and a rerun
/// after the fault clears converges to the clean run's bytes.
/// </summary>
[Collection(FaultsCollection.Name)]
public sealed class StorageFaultTests(CleanRunFixture clean)
{
    private const int PublishedBeforeFull = 40;

    private static readonly string[] Ingested = [Datasets.RawMarket.Name, Datasets.CuratedMarketDaily.Name];

    [Theory]
    [InlineData(StorageFault.DiskFullWhileStaging, "No space left on device")]
    [InlineData(StorageFault.DiskFullOnPublish, "No space left on device")]
    [InlineData(StorageFault.ReadOnly, "is denied")]
    public async Task A_storage_fault_in_features_fails_clearly_leaves_no_partial_partition_and_a_rerun_converges(StorageFault fault, string cause)
    {
        var (data, artifacts) = clean.NewFolders("storage-" + fault);
        clean.Seed(data, artifacts, Ingested, models: false);
        var limit = fault == StorageFault.DiskFullOnPublish ? PublishedBeforeFull : 200_000;

        var code = await Run(data, artifacts, fault, limit);

        Assert.Equal(1, code);
        var error = LatestRunError(artifacts);
        Assert.Contains(cause, error);
        Assert.Contains(Path.Combine(data, Datasets.FeaturesDaily.Name), error);
        Assert.Empty(LakeFiles.TempFiles(data));
        var cleanFeatures = LakeFiles.List(clean.Data, Datasets.FeaturesDaily.Name);
        var expectedPrefix = fault == StorageFault.DiskFullOnPublish ? cleanFeatures.Take(PublishedBeforeFull).ToList() : [];
        Assert.Equal(expectedPrefix, LakeFiles.List(data, Datasets.FeaturesDaily.Name));

        Assert.Equal(0, await Run(data, artifacts, fault: null, limit: 0));
        var expected = LakeFiles.Published(clean.Data).Where(f => !f.Key.StartsWith(Datasets.LabelsDaily.Name + "/", StringComparison.Ordinal)
            && !f.Key.StartsWith(Datasets.PredictionsDaily.Name + "/", StringComparison.Ordinal)
            && !f.Key.StartsWith(Datasets.MonitoringDaily.Name + "/", StringComparison.Ordinal)).ToList();
        var actual = LakeFiles.Published(data).ToList();
        Assert.Equal(expected.Select(f => f.Key), actual.Select(f => f.Key));
        Assert.All(expected.Zip(actual), pair => Assert.True(pair.First.Value.AsSpan().SequenceEqual(pair.Second.Value), $"{pair.First.Key} differs"));
    }

    private static Task<int> Run(string data, string artifacts, StorageFault? fault, long limit) =>
        new RunCommand((services, _) =>
        {
            services.PostConfigure<SyntheticSourceOptions>(o => o.Start = DateOnly.Parse(AppProcess.ShortWindow["Sources__Synthetic__Start"]));
            services.AddSingleton(AppProcess.Clock);
            if (fault is { } f)
            {
                services.AddSingleton<ILakeStorage>(sp => new FaultyLakeStorage(ActivatorUtilities.CreateInstance<FileSystemLakeStorage>(sp), f, limit));
            }
        }).RunAsync(["--data", data, "--artifacts", artifacts, "--until", "features"], default);

    private static string LatestRunError(string artifacts)
    {
        var summary = Directory.GetFiles(Path.Combine(artifacts, "runs"), "summary.json", SearchOption.AllDirectories).Single();
        return (string?)JsonNode.Parse(File.ReadAllText(summary))!["error"] ?? "";
    }
}
