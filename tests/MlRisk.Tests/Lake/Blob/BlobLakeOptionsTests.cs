using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlRisk.Core.Lake;
using MlRisk.Core.Lake.Blob;
using MlRisk.Core.Pipeline;

namespace MlRisk.Tests.Lake.Blob;

public sealed class BlobLakeOptionsTests
{
    private const string DevConnectionString = "UseDevelopmentStorage=true";

    [Fact]
    public void Bad_blob_settings_fail_at_start_naming_every_key()
    {
        using var services = Provider(new()
        {
            ["Lake:Blob:ConnectionString"] = "",
            ["Lake:Blob:Container"] = "Lake_Data",
            ["Lake:Blob:LeaseSeconds"] = "90",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(
            ["Lake:Blob:ConnectionString", "Lake:Blob:Container", "Lake:Blob:LeaseSeconds"],
            error.Failures.Select(f => f.Split(' ')[0]));
    }

    [Fact]
    public void A_malformed_connection_string_is_rejected_at_start()
    {
        using var services = Provider(new() { ["Lake:Blob:ConnectionString"] = "AccountName=x;no-equals-sign" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith("Lake:Blob:ConnectionString is not a valid Azure Storage connection string", Assert.Single(error.Failures));
    }

    [Fact]
    public void The_blob_lake_replaces_a_lake_storage_registered_before_it()
    {
        var collection = new ServiceCollection().AddLogging();
        collection.AddSingleton<ILakeStorage>(_ => throw new InvalidOperationException("the earlier storage must not be used"));
        collection.AddMlRiskBlobLake(Configuration(new() { ["Lake:Blob:ConnectionString"] = DevConnectionString, ["Lake:Blob:Container"] = "risk" }));
        using var services = collection.BuildServiceProvider();

        var lake = Assert.IsType<BlobLakeStorage>(services.GetRequiredService<ILakeStorage>());

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/risk", lake.ContainerUri.ToString());
    }

    [Theory]
    [InlineData("Bad_Name", "is not a valid container name")]
    [InlineData("risk", "is the lake's container")]
    public void An_artifacts_container_that_cannot_be_used_fails_at_start_naming_its_key(string container, string reason)
    {
        using var services = Provider(new()
        {
            ["Lake:Blob:ConnectionString"] = DevConnectionString,
            ["Lake:Blob:Container"] = "risk",
            ["Lake:Blob:ArtifactsContainer"] = container,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("Lake:Blob:ArtifactsContainer", failure);
        Assert.Contains(reason, failure);
    }

    [Fact]
    public void On_blobs_the_registry_and_run_summaries_use_the_artifacts_container_of_the_lake_by_default()
    {
        using var services = new ServiceCollection().AddLogging()
            .AddMlRiskPipeline(Configuration([]))
            .AddMlRiskBlobLake(Configuration(new() { ["Lake:Blob:ConnectionString"] = DevConnectionString, ["Lake:Blob:Container"] = "risk" }))
            .BuildServiceProvider();

        var artifacts = Assert.IsType<BlobArtifactStore>(services.GetRequiredService<IArtifactStore>());

        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/risk-artifacts/models/champion.json", artifacts.Describe("models/champion.json"));
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1/risk-artifacts/models/champion.json",
            services.GetRequiredService<MlRisk.Core.Modeling.ModelRegistry>().ChampionLocation);
        Assert.IsType<ArtifactRunSummaryStore>(services.GetRequiredService<IRunSummaryStore>());
    }

    [Fact]
    public void Blobs_stage_sixteen_files_at_once_unless_Lake_Parallelism_says_otherwise()
    {
        var settings = new Dictionary<string, string?> { ["Lake:Blob:ConnectionString"] = DevConnectionString };
        using var unset = WithPipeline(settings);
        settings["Lake:Parallelism"] = "3";
        using var set = WithPipeline(settings);

        Assert.Equal(16, unset.GetRequiredService<IOptions<LakeOptions>>().Value.Parallelism);
        Assert.Equal(3, set.GetRequiredService<IOptions<LakeOptions>>().Value.Parallelism);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddMlRiskBlobLake(Configuration(settings)).BuildServiceProvider();

    private static ServiceProvider WithPipeline(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLogging().AddMlRiskLake(Configuration(settings)).AddMlRiskBlobLake(Configuration(settings)).BuildServiceProvider();

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
