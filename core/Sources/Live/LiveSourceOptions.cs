namespace MlRisk.Core.Sources.Live;

/// <summary>Settings of the live HTTP sources (configuration section <c>Sources:Live</c>).</summary>
public sealed class LiveSourceOptions
{
    public const string Section = "Sources:Live";

    /// <summary>Base of Yahoo Finance's chart API; requests go to <c>{base}/v8/finance/chart/{symbol}</c>.</summary>
    public string YahooBaseUrl { get; set; } = "https://query1.finance.yahoo.com";

    /// <summary>Base of CBOE's published index histories: <c>{base}/api/global/us_indices/daily_prices/VIX_History.csv</c>.</summary>
    public string CboeBaseUrl { get; set; } = "https://cdn.cboe.com";

    /// <summary>Sent on every request; Yahoo answers requests without a browser-like User-Agent with 429.</summary>
    public string UserAgent { get; set; } = "Mozilla/5.0 (X11; Linux x86_64) MlRisk/1.0 (daily volatility research)";

    /// <summary>Time allowed for one HTTP attempt before it counts as failed and is retried.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Time allowed for one request including every retry and backoff.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Retries after the first attempt on 408, 429, 5xx, connection errors and attempt timeouts.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First backoff delay; it doubles on each retry, with jitter, unless the server sends Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one backoff delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A CBOE history whose last row is more than this many sessions before the requested end counts as stale,
    /// and the source falls back to Yahoo.
    /// </summary>
    public int CboeMaxStaleSessions { get; set; } = 3;

    /// <summary>First date a first ingest asks for.</summary>
    public DateOnly Start { get; set; } = new(2009, 1, 2);
}
