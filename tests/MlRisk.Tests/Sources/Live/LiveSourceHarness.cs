using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MlRisk.Core.Sources;

namespace MlRisk.Tests.Sources.Live;

/// <summary>
/// The live source wired exactly as production wires it (AddMlRiskSources), pointed at one scenario of the local
/// server, with short timeouts and backoff so failure tests stay fast, and "now" pinned by a <see cref="FixedClock"/>.
/// </summary>
public sealed class LiveSourceHarness : IAsyncDisposable
{
    public const string UserAgent = "MlRisk-tests/1.0";

    private readonly ServiceProvider _services;

    private LiveSourceHarness(ServiceProvider services) => _services = services;

    public IMarketHistorySource Source => _services.GetRequiredService<IMarketSourceFactory>().Create(MarketSourceKinds.Live);

    public static LiveSourceHarness Create(
        MarketDataServer server, string scenario, DateTimeOffset now, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sources:Live:YahooBaseUrl"] = $"{server.BaseUrl}/{scenario}",
            ["Sources:Live:CboeBaseUrl"] = $"{server.BaseUrl}/{scenario}",
            ["Sources:Live:UserAgent"] = UserAgent,
            // Generous, so that a cold first request on a loaded machine is not retried and miscounted; the
            // timeout tests set their own.
            ["Sources:Live:AttemptTimeout"] = "00:00:30",
            ["Sources:Live:TotalTimeout"] = "00:01:00",
            ["Sources:Live:MaxRetries"] = "4",
            ["Sources:Live:RetryBaseDelay"] = "00:00:00.010",
            ["Sources:Live:RetryMaxDelay"] = "00:00:00.100",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>()) settings[key] = value;

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(new FixedClock(now))
            .AddMlRiskSources(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new LiveSourceHarness(services);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
