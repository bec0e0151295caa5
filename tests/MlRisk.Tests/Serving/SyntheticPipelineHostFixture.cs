using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlRisk.Core.Sources.Synthetic;
using MlRisk.Functions.Cli;
using MlRisk.Functions.Hosting;
using MlRisk.Tests.Faults;

namespace MlRisk.Tests.Serving;

/// <summary>
/// The real thing end to end: `./mlrisk run` on the synthetic market (from 2015, to keep it quick) into temp
/// folders, then the standalone host on a real Kestrel port over that lake and model registry. No fakes. Both run on
/// the fault suite's clock (<see cref="AppProcess.Now"/>), so the market and its model are the same whatever day the
/// suite runs, and the host's timers are moved to a date that never comes: a firing at 22:30 UTC would otherwise
/// write a newer run summary while a test reads <c>/runs/latest</c>.
/// </summary>
public sealed class SyntheticPipelineHostFixture : IAsyncLifetime
{
    public static readonly DateOnly SyntheticStart = new(2015, 1, 2);

    private readonly string _root = Directory.CreateTempSubdirectory("mlrisk-serving-").FullName;

    public string DataPath => Path.Combine(_root, "data");

    public string ArtifactsPath => Path.Combine(_root, "artifacts");

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var run = new RunCommand((services, _) => services
            .PostConfigure<SyntheticSourceOptions>(o => o.Start = SyntheticStart)
            .AddSingleton(AppProcess.Clock));
        var exitCode = await run.RunAsync(["--data", DataPath, "--artifacts", ArtifactsPath], CancellationToken.None);
        if (exitCode != 0) throw new InvalidOperationException($"the synthetic pipeline run exited with {exitCode}");

        App = StandaloneHost.Build(new StandaloneSettings("http://127.0.0.1:0", DataPath, ArtifactsPath),
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(ServedApp.NeverFiring);
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Services.AddSingleton(AppProcess.Clock);
            });
        await App.StartAsync();
        BaseAddress = new Uri(App.Urls.Single());
        Client = new HttpClient { BaseAddress = BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class SyntheticPipelineCollection : ICollectionFixture<SyntheticPipelineHostFixture>
{
    public const string Name = "Synthetic pipeline host";
}
