using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Serving;
using MlRisk.Functions.Hosting;

namespace MlRisk.Tests.Functions;

/// <summary>
/// The standalone host on a real Kestrel port (127.0.0.1, a free port picked by the OS), with the serving ports
/// replaced by <see cref="FakeLake"/> and <see cref="FakeChampion"/>. Started once per test class.
/// </summary>
public class StandaloneHostFixture : IAsyncLifetime
{
    private readonly bool serving;

    public StandaloneHostFixture() : this(serving: true, new FakeLake())
    {
    }

    protected StandaloneHostFixture(bool serving, FakeLake lake)
    {
        this.serving = serving;
        Lake = lake;
    }

    public WebApplication App { get; private set; } = null!;

    public FakeLake Lake { get; }

    public RecordingTrigger Trigger { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = StandaloneHost.Build(new StandaloneSettings("http://127.0.0.1:0"), builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddSingleton<IForecastReader>(Lake);
            builder.Services.AddSingleton<IRunSummaryStore>(Lake);
            builder.Services.AddSingleton<IChampionModel>(new FakeChampion(serving));
            builder.Services.AddSingleton<IPipelineTrigger>(Trigger);
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
    }
}

/// <summary>The same host while no model has passed the gate.</summary>
public sealed class NoChampionHostFixture() : StandaloneHostFixture(serving: false, new FakeLake());

/// <summary>A first start: an empty lake, no run, no model.</summary>
public sealed class EmptyLakeHostFixture() : StandaloneHostFixture(serving: false, new FakeLake(sessions: 0) { RunSummary = null });
