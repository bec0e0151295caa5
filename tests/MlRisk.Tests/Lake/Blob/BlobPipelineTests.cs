using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MlRisk.Core.Lake;
using MlRisk.Core.Lake.Blob;
using MlRisk.Core.Modeling;
using MlRisk.Core.Pipeline;
using MlRisk.Tests.Faults;
using MlRisk.Tests.Functions;
using Xunit.Abstractions;

namespace MlRisk.Tests.Lake.Blob;

/// <summary>
/// The pipeline above the storage is the same code on blobs: the whole app composed with Lake:Backend=blob against a
/// real Azurite writes what it writes on a folder (the registry too, in the artifacts container), re-runs as a no-op,
/// validates, serves from blobs alone, and respects another run's lease.
/// </summary>
public sealed class BlobPipelineTests(SyntheticLakesFixture lakes, ITestOutputHelper output) : IClassFixture<SyntheticLakesFixture>
{
    private static CancellationToken Ct => CancellationToken.None;

    [AzuriteFact]
    public void The_full_pipeline_writes_the_same_partitions_byte_for_byte_and_the_same_model_on_blobs_as_on_a_folder()
    {
        foreach (var (backend, run) in new[] { ("filesystem", lakes.FileSystem), ("blob", lakes.OnBlobs) })
        {
            output.WriteLine($"{backend}: {run.Partitions.Count} partitions in {run.WallTime.TotalSeconds:0.0} s ("
                + string.Join(", ", run.Summary!.Stages.Select(s => $"{s.Stage} {s.DurationMs / 1000:0.0} s")) + ")");
        }
        Assert.Equal(StageStatus.Succeeded, lakes.FileSystem.Summary!.Status);
        Assert.Equal(StageStatus.Succeeded, lakes.OnBlobs.Summary!.Status);
        Assert.All(Datasets.All, d => Assert.Contains(lakes.FileSystem.Partitions.Keys, p => p.StartsWith(d.Name + "/", StringComparison.Ordinal)));
        Assert.Contains(ModelRegistry.ChampionFile, lakes.FileSystem.ModelFiles.Keys);

        Assert.Equal(lakes.FileSystem.Partitions.Keys, lakes.OnBlobs.Partitions.Keys);
        foreach (var (path, bytes) in lakes.FileSystem.Partitions)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(lakes.OnBlobs.Partitions[path]), $"partition {path} differs between the folder and the blob lake");
        }
        Assert.Equal(lakes.FileSystem.ModelFiles.Keys, lakes.OnBlobs.ModelFiles.Keys);
        foreach (var (path, bytes) in lakes.FileSystem.ModelFiles)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(lakes.OnBlobs.ModelFiles[path]), $"model file {path} differs between the folder and the blob run");
        }
    }

    [AzuriteFact]
    public async Task On_blobs_the_registry_and_run_summaries_are_in_the_artifacts_container_and_serve_answers_from_it_with_no_local_artifacts()
    {
        var artifacts = lakes.Azurite.OpenArtifacts(lakes.BlobContainer);
        var champion = (string)JsonNode.Parse(lakes.OnBlobs.ModelFiles[ModelRegistry.ChampionFile])!["version"]!;
        Assert.Contains($"{champion}/{ModelRegistry.ModelFile}", lakes.OnBlobs.ModelFiles.Keys);
        var runs = await artifacts.ListAsync("runs", Ct);
        Assert.Contains($"runs/{lakes.OnBlobs.Summary!.RunId}/{ArtifactRunSummaryStore.FileName}", runs);
        var localArtifacts = Path.Combine(lakes.BlobRoot, "artifacts");
        var environment = lakes.BlobSettings.Where(s => s.Key.StartsWith("Lake:", StringComparison.Ordinal))
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!);

        var clock = Stopwatch.StartNew();
        using (var served = await ServedApp.StartAsync(["--artifacts", localArtifacts], environment))
        {
            output.WriteLine($"serve on blobs answered /health after {clock.Elapsed.TotalSeconds:0.0} s");
            var (modelResponse, model) = await HttpJson.GetAsync(served.Client, "/model");
            Assert.Equal(HttpStatusCode.OK, modelResponse.StatusCode);
            Assert.Equal(champion, model.GetProperty("model_version").GetString());

            var (_, run) = await HttpJson.GetAsync(served.Client, "/runs/latest");
            // Other tests of this class run the pipeline again on the same lake: the latest is the greatest run id stored.
            Assert.Equal($"runs/{run.GetProperty("run_id").GetString()}/{ArtifactRunSummaryStore.FileName}",
                (await artifacts.ListAsync("runs", Ct)).Max(StringComparer.Ordinal));
            Assert.Equal("succeeded", run.GetProperty("status").GetString());

            var latest = await HttpJson.ReadAsync(await served.Client.GetAsync("/predictions/latest"));
            var (predictResponse, predicted) = await HttpJson.PostAsync(served.Client, "/predict",
                $$"""{"as_of_date":"{{latest.GetProperty("as_of_date").GetString()}}"}""");
            Assert.Equal(HttpStatusCode.OK, predictResponse.StatusCode);
            Assert.Equal(latest.GetProperty("rv_5d_hat").GetDouble(), predicted.GetProperty("rv_5d_hat").GetDouble());
        }

        var local = Directory.Exists(localArtifacts) ? Directory.GetFileSystemEntries(localArtifacts, "*", SearchOption.AllDirectories) : [];
        Assert.True(local.Length == 0, $"the blob run or serve wrote to the local artifacts folder: {string.Join(", ", local)}");
    }

    [AzuriteFact]
    public async Task A_second_run_on_blobs_writes_nothing_and_the_blob_lake_validates()
    {
        using var host = await SyntheticPipeline.StartAsync(lakes.BlobSettings, new FrozenWallClock(SyntheticPipeline.Now));
        var runner = host.Services.GetRequiredService<PipelineRunner>();

        var again = await runner.RunAsync(runner.Stages, "test", Ct);
        var validation = await host.Services.GetRequiredService<LakeValidator>().ValidateAsync(Ct);

        Assert.Equal(StageStatus.Succeeded, again.Status);
        Assert.All(again.Stages, s => Assert.Equal(0, s.Result!.PartitionsWritten));
        Assert.Equal(lakes.OnBlobs.Partitions.Keys, (await SyntheticLakesFixture.PartitionsAsync(host.Services.GetRequiredService<ILakeStorage>())).Keys);
        Assert.True(validation.IsValid, string.Join("\n", validation.Violations));
        Assert.Empty(validation.StrayTempFiles);
        Assert.Equal(lakes.OnBlobs.Partitions.Count, validation.PartitionsByDataset.Values.Sum());
    }

    [AzuriteFact]
    public async Task A_run_lock_held_on_blobs_stops_a_pipeline_run_naming_the_holder_and_nothing_is_written()
    {
        var container = AzuriteFixture.NewContainerName();
        var root = Path.Combine(lakes.BlobRoot, "locked");
        var settings = SyntheticPipeline.BlobSettings(root, lakes.Azurite.ConnectionString, container);
        settings["Lake:LockWait"] = "00:00:00.500";
        await using var held = await lakes.Azurite.OpenLake(container, TimeSpan.Zero).AcquireRunLockAsync("manual run 4711", Ct);
        using var host = await SyntheticPipeline.StartAsync(settings, TimeProvider.System);
        var runner = host.Services.GetRequiredService<PipelineRunner>();

        var waited = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<LakeLockedException>(() => runner.RunAsync(runner.Stages, "timer", Ct));

        Assert.Contains("manual run 4711", error.Message);
        // Lake:LockWait of 0.5 s, not the 5 s default: the blob backend honours the same wait setting as the folder.
        // The message says the wait used; the stopwatch only shows it was waited, since Azurite's round trips on a
        // loaded machine add to it.
        Assert.Contains($"Waited {0.5:0.#} s", error.Message);
        Assert.True(waited.Elapsed >= TimeSpan.FromSeconds(0.5), $"gave up after {waited.Elapsed}, before the 0.5 s wait");
        Assert.IsType<BlobLakeStorage>(host.Services.GetRequiredService<ILakeStorage>());
        Assert.Empty(await SyntheticLakesFixture.PartitionsAsync(host.Services.GetRequiredService<ILakeStorage>()));
        Assert.False(Directory.Exists(Path.Combine(root, "artifacts")), "a locked-out run wrote to its artifacts folder");
    }
}
