using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MlRisk.Core;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Tests.Lake.Blob;

/// <summary>
/// The whole app's composition (<see cref="MlRiskServiceCollectionExtensions.AddMlRiskCore"/> in a generic host)
/// over a short synthetic market: 2016-01-04 to the session of <see cref="Now"/>, with walk-forward settings
/// scaled to its ~440 sessions so that training runs and the gate passes.
/// </summary>
public static class SyntheticPipeline
{
    /// <summary>After the close of Friday 2017-09-29, the window's last session.</summary>
    public static readonly DateTimeOffset Now = new(2017, 9, 29, 23, 0, 0, TimeSpan.Zero);

    /// <summary>Settings of a run on the folder lake under <paramref name="root"/>; add the Lake:Blob keys for blobs.</summary>
    public static Dictionary<string, string?> Settings(string root) => new()
    {
        ["Lake:DataPath"] = Path.Combine(root, "data"),
        ["Pipeline:ArtifactsPath"] = Path.Combine(root, "artifacts"),
        ["Pipeline:Source"] = "synthetic",
        ["Sources:Synthetic:Start"] = "2016-01-04",
        ["Modeling:WalkForward:InitialTrainingSessions"] = "200",
        ["Modeling:ValidationSessions"] = "60",
        ["Modeling:Booster:Iterations"] = "40",
        ["Modeling:Booster:NumLeaves"] = "5",
        ["Modeling:Booster:MinDataInLeaf"] = "20",
        ["Modeling:Booster:LearningRate"] = "0.05",
    };

    /// <summary>
    /// Settings of a run on the blob lake in <paramref name="container"/>; its registry and run summaries go to the
    /// default artifacts container (<c>&lt;container&gt;-artifacts</c>), and Pipeline:ArtifactsPath under
    /// <paramref name="root"/> is left as on a folder run, so a test can check nothing is written there.
    /// </summary>
    public static Dictionary<string, string?> BlobSettings(string root, string connectionString, string container)
    {
        var settings = Settings(root);
        settings["Lake:Backend"] = LakeOptions.BlobBackend;
        settings["Lake:Blob:ConnectionString"] = connectionString;
        settings["Lake:Blob:Container"] = container;
        return settings;
    }

    /// <summary>A started host of the app's services on <paramref name="settings"/> and <paramref name="time"/>.</summary>
    public static async Task<IHost> StartAsync(IDictionary<string, string?> settings, TimeProvider time)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddMlRiskCore(builder.Configuration);
        builder.Services.AddSingleton(time);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
