using Microsoft.Extensions.DependencyInjection;
using MlRisk.Core.Lake;
using MlRisk.Core.Sources.Live;
using MlRisk.Functions.Cli;
using MlRisk.Tests.Sources.Live;

namespace MlRisk.Tests.Faults;

/// <summary>
/// The ingest stage of the run verb on the live source, pointed at a local Kestrel server playing a faulty Yahoo
/// and CBOE, with "now" pinned: retries where they help, otherwise a clear failure and an untouched lake; never a
/// bar of a session that has not closed.
/// </summary>
public sealed class LiveIngestFaultTests(MarketDataServer server) : IClassFixture<MarketDataServer>, IDisposable
{
    /// <summary>2020-03-16 22:00 UTC: that day's session closed at 20:00 UTC.</summary>
    private static readonly DateTimeOffset AfterClose = new(2020, 3, 16, 22, 0, 0, TimeSpan.Zero);

    /// <summary>2020-03-16 15:00 UTC: the session is open, the last completed one is 2020-03-13.</summary>
    private static readonly DateTimeOffset DuringSession = new(2020, 3, 16, 15, 0, 0, TimeSpan.Zero);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "mlrisk-live-faults-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_429_then_a_good_answer_is_retried_and_ingests_the_same_lake_as_a_clean_source()
    {
        var clean = await Ingest("clean", AfterClose, spy: [ScriptedResponse.Json(LiveResponses.SpyChart)]);
        var retried = await Ingest("throttled", AfterClose,
            spy: [new ScriptedResponse(429, "Too Many Requests", "text/plain", RetryAfter: "0"), ScriptedResponse.Json(LiveResponses.SpyChart)]);

        Assert.Equal(0, clean.Code);
        Assert.Equal(0, retried.Code);
        Assert.Equal(2, server.Requests(MarketDataServer.YahooKey("throttled", "SPY")).Count);
        Assert.Equal(5, LakeFiles.List(retried.Data, Datasets.RawMarket.Name).Count);
        LakeFiles.AssertSameLake(clean.Data, retried.Data);
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "timeout", "SPY" },
        { "html", "SPY" },
        { "dropped-field", "SPY" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_source_that_times_out_sends_html_or_drops_a_field_fails_the_run_and_writes_nothing(string fault, string symbol)
    {
        ScriptedResponse[] spy = fault switch
        {
            "timeout" => [new ScriptedResponse(200, LiveResponses.SpyChart, Delay: TimeSpan.FromSeconds(3))],
            "html" => [ScriptedResponse.Html(LiveResponses.BlockedPage)],
            _ => [ScriptedResponse.Json(LiveResponses.SpyChart.Replace("\"adjclose\":[{\"adjclose\":", "\"adjclose\":[{\"unadjusted\":"))],
        };

        var (code, data, artifacts) = await Ingest(fault, AfterClose, spy);

        Assert.Equal(1, code);
        var error = LatestRunError(artifacts);
        Assert.Contains(symbol, error);
        Assert.Empty(LakeFiles.List(data, Datasets.RawMarket.Name));
        Assert.Empty(LakeFiles.List(data, Datasets.CuratedMarketDaily.Name));
        Assert.Empty(LakeFiles.TempFiles(data));
        if (fault == "timeout") Assert.True(server.Requests(MarketDataServer.YahooKey(fault, "SPY")).Count > 1, "a timed-out attempt was not retried");
    }

    [Fact]
    public async Task A_bar_of_the_session_still_open_never_reaches_the_lake()
    {
        var (code, data, artifacts) = await Ingest("open-session", DuringSession, spy: [ScriptedResponse.Json(LiveResponses.SpyChart)]);

        Assert.True(code == 0, LatestRunError(artifacts));
        var dates = LakeFiles.List(data, Datasets.RawMarket.Name).Concat(LakeFiles.List(data, Datasets.CuratedMarketDaily.Name))
            .Select(p => DateOnly.ParseExact(p.Split('/')[1]["date=".Length..], "yyyy-MM-dd")).Distinct().Order().ToList();
        Assert.Equal(new DateOnly(2020, 3, 13), dates[^1]);
        Assert.Equal(4, dates.Count);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private async Task<(int Code, string Data, string Artifacts)> Ingest(string scenario, DateTimeOffset now, ScriptedResponse[] spy)
    {
        server.Script(MarketDataServer.YahooKey(scenario, "SPY"), spy);
        server.Script(MarketDataServer.YahooKey(scenario, "TLT"), ScriptedResponse.Json(Chart("TLT")));
        server.Script(MarketDataServer.YahooKey(scenario, "HYG"), ScriptedResponse.Json(Chart("HYG")));
        server.Script(MarketDataServer.CboeKey(scenario, "VIX_History.csv"), ScriptedResponse.Csv(LiveResponses.VixHistory));
        server.Script(MarketDataServer.CboeKey(scenario, "VIX3M_History.csv"), ScriptedResponse.Csv(LiveResponses.Vix3mHistory));
        var data = Path.Combine(_root, scenario, "data");
        var artifacts = Path.Combine(_root, scenario, "artifacts");
        var run = new RunCommand((services, _) =>
        {
            services.AddSingleton<TimeProvider>(new FixedClock(now));
            services.PostConfigure<LiveSourceOptions>(o =>
            {
                o.YahooBaseUrl = $"{server.BaseUrl}/{scenario}";
                o.CboeBaseUrl = $"{server.BaseUrl}/{scenario}";
                o.Start = new DateOnly(2020, 3, 10);
                // Short only where the fault is the timeout: elsewhere a cold first request on a loaded machine
                // would be retried and miscounted.
                o.AttemptTimeout = TimeSpan.FromSeconds(scenario == "timeout" ? 1 : 30);
                o.TotalTimeout = TimeSpan.FromSeconds(scenario == "timeout" ? 5 : 60);
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                o.RetryMaxDelay = TimeSpan.FromMilliseconds(100);
            });
        });
        var code = await run.RunAsync(["--source", "live", "--data", data, "--artifacts", artifacts, "--until", "ingest"], default);
        return (code, data, artifacts);
    }

    /// <summary>SPY's chart relabelled: TLT and HYG only need a well-formed answer with plausible prices here.</summary>
    private static string Chart(string symbol) => LiveResponses.SpyChart.Replace("\"symbol\":\"SPY\"", $"\"symbol\":\"{symbol}\"");

    private static string LatestRunError(string artifacts)
    {
        var summary = Directory.GetFiles(Path.Combine(artifacts, "runs"), "summary.json", SearchOption.AllDirectories).Single();
        return (string?)System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(summary))!["error"] ?? "";
    }
}
