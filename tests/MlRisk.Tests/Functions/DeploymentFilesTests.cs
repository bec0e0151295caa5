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
/// docker-compose.yml checked by Compose itself (Debian's docker-compose; no Docker engine exists here, and
/// <c>config</c> needs none): it must validate, and the structure is asserted on what Compose resolves, not on the
/// raw YAML. functions/Dockerfile goes through the linter; local.settings.json.example is checked as JSON.
/// </summary>
public sealed class DeploymentFilesTests
{
    private static readonly string[] AppSettings =
    [
        "AzureWebJobsStorage", "FUNCTIONS_WORKER_RUNTIME", "Lake__DataPath", "Pipeline__ArtifactsPath", "RunOnStartup",
        .. PipelineJob.All.Select(j => j.ScheduleSetting),
    ];

    private static string Root => Path.GetDirectoryName(RepositoryFiles.Path("docker-compose.yml"))!;

    private static YamlMappingNode Service(string name) =>
        (YamlMappingNode)((YamlMappingNode)DeploymentTools.ResolvedComposeFile()["services"])[name];

    private static string Scalar(YamlNode node, params string[] path)
    {
        foreach (var key in path) node = ((YamlMappingNode)node)[key];
        return ((YamlScalarNode)node).Value!;
    }

    private static string[] Strings(YamlNode node) =>
        ((YamlSequenceNode)node).Children.Select(c => ((YamlScalarNode)c).Value!).ToArray();

    /// <summary>Resolved ports are mappings (published, target); as "published:target" strings.</summary>
    private static string[] Ports(YamlMappingNode service) =>
        ((YamlSequenceNode)service["ports"]).Children.Select(p => $"{Scalar(p, "published")}:{Scalar(p, "target")}").ToArray();

    private static Dictionary<string, string> Environment(YamlMappingNode service) =>
        ((YamlMappingNode)service["environment"]).Children.ToDictionary(
            kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!);

    [ComposeFact]
    public void Compose_config_validates_the_file()
    {
        var (code, _, stderr) = DeploymentTools.Run(DeploymentTools.Compose, ["-f", "docker-compose.yml", "config", "-q"]);

        Assert.True(code == 0, $"docker-compose -f docker-compose.yml config -q exited {code}:\n{stderr}");
        Assert.Equal(["azurite", "functions"], ((YamlMappingNode)DeploymentTools.ResolvedComposeFile()["services"]).Children.Keys
            .Select(k => ((YamlScalarNode)k).Value!).Order());
    }

    [ComposeFact]
    public void Compose_runs_the_functions_image_on_7071_with_data_and_artifacts_mounted()
    {
        var functions = Service("functions");

        Assert.Equal("functions/Dockerfile", Scalar(functions, "build", "dockerfile"));
        Assert.Equal(Root, Scalar(functions, "build", "context"));
        Assert.Equal("mlrisk-functions", Scalar(functions, "image"));
        Assert.Equal(["7071:80"], Ports(functions));
        Assert.Equal([$"{Root}/data:/data:rw", $"{Root}/artifacts:/artifacts:rw"], Strings(functions["volumes"]));
        Assert.Equal(["CMD", "curl", "-fsS", "http://localhost/health"], Strings(functions["healthcheck"]["test"]));
        Assert.Equal("1m", Scalar(functions, "healthcheck", "start_period"));
        Assert.Equal("service_healthy", Scalar(functions, "depends_on", "azurite", "condition"));
        Assert.Equal("unless-stopped", Scalar(functions, "restart"));
        Assert.Equal("10001:10001", Scalar(functions, "user"));
    }

    [ComposeFact]
    public void Compose_runs_the_functions_container_as_the_user_given_so_it_can_write_the_bind_mounts()
    {
        var (code, stdout, stderr) = DeploymentTools.Run(DeploymentTools.Compose, ["-f", "docker-compose.yml", "config"],
            new Dictionary<string, string> { ["MLRISK_UID"] = "1000", ["MLRISK_GID"] = "1001" });

        Assert.True(code == 0, stderr);
        Assert.Contains("user: 1000:1001", stdout);
    }

    [ComposeFact]
    public void Compose_gives_the_app_every_setting_it_reads_with_valid_schedules()
    {
        var environment = Environment(Service("functions"));

        Assert.All(AppSettings, s => Assert.True(environment.ContainsKey(s), $"docker-compose config resolves no {s} for the functions service"));
        Assert.Equal("dotnet-isolated", environment["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("true", environment["RunOnStartup"]);
        Assert.Equal("/data", environment["Lake__DataPath"]);
        Assert.Equal("/artifacts", environment["Pipeline__ArtifactsPath"]);
        Assert.All(PipelineJob.All, j =>
            Assert.True(CronExpression.TryParse(environment[j.ScheduleSetting], CronFormat.IncludeSeconds, out _), j.ScheduleSetting));
    }

    [ComposeFact]
    public void Compose_points_the_functions_storage_at_a_pinned_azurite_with_a_health_check()
    {
        var azurite = Service("azurite");
        var storage = Environment(Service("functions"))["AzureWebJobsStorage"];

        Assert.Equal("mcr.microsoft.com/azure-storage/azurite:3.35.0", Scalar(azurite, "image"));
        Assert.Equal(["10000:10000", "10001:10001", "10002:10002"], Ports(azurite));
        Assert.Equal(["azurite-data:/data:rw"], Strings(azurite["volumes"]));
        Assert.Equal(["CMD", "nc", "-z", "127.0.0.1", "10000"], Strings(azurite["healthcheck"]["test"]));
        Assert.Contains("BlobEndpoint=http://azurite:10000/devstoreaccount1", storage);
        Assert.Contains("QueueEndpoint=http://azurite:10001/devstoreaccount1", storage);
        Assert.Contains("TableEndpoint=http://azurite:10002/devstoreaccount1", storage);
    }

    [ComposeFact]
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
    public void The_dockerfile_runs_on_the_net10_functions_image_and_names_the_host_version_the_harness_emulates()
    {
        var lines = File.ReadAllLines(RepositoryFiles.Path("functions/Dockerfile"));
        var from = Array.FindLastIndex(lines, l => l.StartsWith("FROM ", StringComparison.Ordinal));
        var hostVersion = string.Join('.', Harness.FunctionsHostHarness.HostVersion.Split('.').Take(2));

        Assert.Equal("FROM mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0", lines[from]);
        Assert.Contains(lines[..from].Reverse().TakeWhile(l => l.StartsWith('#')), l => l.Contains($"host version the harness emulates: {hostVersion} ", StringComparison.Ordinal));
    }

    [DockerfileLintFact]
    public void The_dockerfile_passes_the_linter()
    {
        var (code, stdout, stderr) = DeploymentTools.Run(DeploymentTools.Linter, ["lint", "functions/Dockerfile"]);

        Assert.True(code == 0, $"dockerfile-utils lint functions/Dockerfile exited {code}:\n{stdout}{stderr}");
    }

    [DockerfileLintFact]
    public void The_linter_does_find_problems_so_a_pass_means_something()
    {
        var bad = Path.Combine(Path.GetTempPath(), "mlrisk-lint-" + Guid.NewGuid().ToString("N") + ".Dockerfile");
        File.WriteAllText(bad, "FROM debian:bookworm\nHEALTHCHECK CMD true\nHEALTHCHECK CMD false\nEXPOSE 80/xyz\n");
        try
        {
            var (code, stdout, _) = DeploymentTools.Run(DeploymentTools.Linter, ["lint", bad]);

            Assert.NotEqual(0, code);
            Assert.Contains("HEALTHCHECK", stdout);
        }
        finally
        {
            File.Delete(bad);
        }
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
