using System.Text.Json;
using Cronos;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MlRisk.Core;
using MlRisk.Core.Lake;
using MlRisk.Core.Lake.Blob;
using MlRisk.Core.Serving;
using MlRisk.Functions.Scheduling;
using YamlDotNet.RepresentationModel;

namespace MlRisk.Tests.Functions;

/// <summary>
/// docker-compose.yml and local.settings.json.example checked for what the app and the Functions host need
/// (no Docker engine exists here, so the compose file is parsed, not run).
/// </summary>
public sealed class DeploymentFilesTests
{
    private static readonly string[] AppSettings =
    [
        "AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME", "Lake__DataPath", "Pipeline__ArtifactsPath", "RunOnStartup",
        .. PipelineJob.All.Select(j => j.ScheduleSetting),
    ];

    private static YamlMappingNode Compose()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepositoryFiles.Path("docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static YamlMappingNode Service(string name) =>
        (YamlMappingNode)((YamlMappingNode)Compose()["services"])[name];

    private static string[] Strings(YamlNode node) =>
        ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();

    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        ((YamlMappingNode)service["environment"]).Children.ToDictionary(
            kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!);

    [Fact]
    public void Compose_runs_the_functions_image_on_7071_with_data_and_artifacts_mounted()
    {
        var functions = Service("functions");

        Assert.Equal("functions/Dockerfile", ((YamlScalarNode)((YamlMappingNode)functions["build"])["dockerfile"]).Value);
        Assert.Equal(["7071:80"], Strings(functions["ports"]));
        Assert.Equal(["./data:/data", "./artifacts:/artifacts"], Strings(functions["volumes"]));
        Assert.Contains("/health", string.Join(" ", Strings(((YamlMappingNode)functions["healthcheck"])["test"])));
        Assert.Equal("service_healthy",
            ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)functions["depends_on"])["azurite"])["condition"]).Value);
    }

    [Fact]
    public void Compose_gives_the_app_every_setting_it_reads_with_valid_schedules()
    {
        var environment = Environment(Service("functions"));

        Assert.All(AppSettings, s => Assert.True(environment.ContainsKey(s), $"docker-compose.yml lacks {s}"));
        Assert.Equal("true", environment["RunOnStartup"]);
        Assert.Equal("/data", environment["Lake__DataPath"]);
        Assert.Equal("/artifacts", environment["Pipeline__ArtifactsPath"]);
        Assert.All(PipelineJob.All, j =>
            Assert.True(CronExpression.TryParse(environment[j.ScheduleSetting], CronFormat.IncludeSeconds, out _), j.ScheduleSetting));
    }

    [Fact]
    public void Compose_points_the_functions_storage_at_azurite()
    {
        var azurite = Service("azurite");
        var storage = Environment(Service("functions"))["AzureWebJobsStorage"];

        Assert.StartsWith("mcr.microsoft.com/azure-storage/azurite", ((YamlScalarNode)azurite["image"]).Value);
        Assert.Contains("BlobEndpoint=http://azurite:10000/devstoreaccount1", storage);
        Assert.Contains("QueueEndpoint=http://azurite:10001/devstoreaccount1", storage);
        Assert.Contains("TableEndpoint=http://azurite:10002/devstoreaccount1", storage);
        Assert.True(azurite.Children.ContainsKey("healthcheck"));
    }

    [Fact]
    public void Compose_keeps_the_lake_on_the_data_folder_and_switches_it_to_azurite_blobs_with_Lake__Backend_alone()
    {
        var environment = Environment(Service("functions"));
        Assert.Equal(LakeOptions.FileSystemBackend, environment["Lake__Backend"]);
        var settings = environment.ToDictionary(kv => kv.Key.Replace("__", ":", StringComparison.Ordinal), kv => (string?)kv.Value);
        settings["Lake:Backend"] = LakeOptions.BlobBackend;
        var services = new ServiceCollection().AddLogging();
        services.AddMlRiskCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var lake = Assert.IsType<BlobLakeStorage>(provider.GetRequiredService<ILakeStorage>());

        Assert.Equal("http://azurite:10000/devstoreaccount1/mlrisk-lake", lake.ContainerUri.ToString());
        Assert.Contains(environment["Lake__Blob__ConnectionString"].Split(';').First(p => p.StartsWith("AccountKey=", StringComparison.Ordinal)),
            environment["AzureWebJobsStorage"]);
    }

    [Fact]
    public void Local_settings_example_is_valid_json_with_every_setting_and_the_defaults()
    {
        var example = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Path("local.settings.json.example"))).RootElement;
        var values = example.GetProperty("Values");
        var defaults = new ScheduleOptions();

        Assert.All(AppSettings, s => Assert.True(values.TryGetProperty(s, out _), $"local.settings.json.example lacks {s}"));
        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.All(PipelineJob.All, j => Assert.Equal(defaults.ScheduleOf(j), values.GetProperty(j.ScheduleSetting).GetString()));
    }
}
