using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlRisk.Core.Sources.Csv;
using MlRisk.Core.Sources.Live;
using MlRisk.Core.Sources.Synthetic;
using Polly;

namespace MlRisk.Core.Sources;

/// <summary>Registers the three market sources, their options (section <c>Sources</c>) and the HTTP clients of the live one.</summary>
public static class SourcesServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IMarketSourceFactory"/> (and <see cref="MarketSourceFactory"/>) with the sources keyed by kind,
    /// options bound from <c>Sources:Synthetic</c>, <c>Sources:Csv</c> and <c>Sources:Live</c> and validated on start,
    /// and typed HttpClients for Yahoo and CBOE behind a resilience pipeline: a total timeout around retries with
    /// jittered exponential backoff (honouring Retry-After) on 408/429/5xx, connection errors and attempt timeouts.
    /// </summary>
    public static IServiceCollection AddMlRiskSources(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SyntheticSourceOptions>()
            .Bind(configuration.GetSection(SyntheticSourceOptions.Section))
            .Validate(o => o.Start.Year >= 1990, $"{SyntheticSourceOptions.Section}:Start must be a date from 1990 on (YYYY-MM-DD).")
            .ValidateOnStart();
        services.AddOptions<CsvSourceOptions>()
            .Bind(configuration.GetSection(CsvSourceOptions.Section))
            .Validate(o => o.Start.Year >= 1900, $"{CsvSourceOptions.Section}:Start must be a date (YYYY-MM-DD).")
            .ValidateOnStart();
        services.AddOptions<LiveSourceOptions>()
            .Bind(configuration.GetSection(LiveSourceOptions.Section))
            .Validate(o => IsHttpUrl(o.YahooBaseUrl), $"{LiveSourceOptions.Section}:YahooBaseUrl must be an absolute http(s) URL.")
            .Validate(o => IsHttpUrl(o.CboeBaseUrl), $"{LiveSourceOptions.Section}:CboeBaseUrl must be an absolute http(s) URL.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.UserAgent), $"{LiveSourceOptions.Section}:UserAgent must not be empty.")
            .Validate(o => o.AttemptTimeout >= TimeSpan.FromMilliseconds(10) && o.AttemptTimeout <= o.TotalTimeout,
                $"{LiveSourceOptions.Section}:AttemptTimeout must be at least 10 ms and at most TotalTimeout.")
            .Validate(o => o.TotalTimeout <= TimeSpan.FromHours(1), $"{LiveSourceOptions.Section}:TotalTimeout must be at most one hour.")
            .Validate(o => o.MaxRetries is >= 1 and <= 10, $"{LiveSourceOptions.Section}:MaxRetries must be between 1 and 10.")
            .Validate(o => o.RetryBaseDelay >= TimeSpan.Zero && o.RetryMaxDelay >= o.RetryBaseDelay,
                $"{LiveSourceOptions.Section}:RetryBaseDelay must be >= 0 and RetryMaxDelay >= RetryBaseDelay.")
            .Validate(o => o.CboeMaxStaleSessions >= 0, $"{LiveSourceOptions.Section}:CboeMaxStaleSessions must be >= 0.")
            .Validate(o => o.Start.Year >= 1900, $"{LiveSourceOptions.Section}:Start must be a date (YYYY-MM-DD).")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient<YahooChartClient>(ConfigureClient).AddResilienceHandler("yahoo", ConfigurePipeline);
        services.AddHttpClient<CboeHistoryClient>(ConfigureClient).AddResilienceHandler("cboe", ConfigurePipeline);

        services.AddKeyedSingleton<IMarketHistorySource, SyntheticMarketSource>(MarketSourceKinds.Synthetic);
        services.AddKeyedSingleton<IMarketHistorySource, CsvMarketSource>(MarketSourceKinds.Csv);
        // Transient like the typed HttpClients it holds, so the factory's handler rotation keeps working.
        services.AddKeyedTransient<IMarketHistorySource, LiveMarketSource>(MarketSourceKinds.Live);
        services.AddSingleton<MarketSourceFactory>();
        services.AddSingleton<IMarketSourceFactory>(sp => sp.GetRequiredService<MarketSourceFactory>());
        return services;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        var options = services.GetRequiredService<IOptions<LiveSourceOptions>>().Value;
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", options.UserAgent);
        // The resilience pipeline owns every timeout; HttpClient's own 100 s default would cut across it.
        client.Timeout = Timeout.InfiniteTimeSpan;
    }

    private static void ConfigurePipeline(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<LiveSourceOptions>>().Value;
        var log = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<LiveMarketSource>();
        pipeline
            .AddTimeout(options.TotalTimeout)
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldRetryAfterHeader = true,
                OnRetry = retry =>
                {
                    log.LogWarning("Retry {Attempt} of {Url} in {DelayMs} ms after {Outcome}",
                        retry.AttemptNumber + 1,
                        retry.Outcome.Result?.RequestMessage?.RequestUri,
                        (long)retry.RetryDelay.TotalMilliseconds,
                        retry.Outcome.Result is { } response ? $"HTTP {(int)response.StatusCode}" : retry.Outcome.Exception?.GetType().Name);
                    return default;
                },
            })
            .AddTimeout(options.AttemptTimeout);
    }
}
