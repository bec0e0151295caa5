using System.Diagnostics;
using System.Globalization;
using MlRisk.Core.Contracts;
using MlRisk.Core.Sources;

namespace MlRisk.Tests.Sources.Live;

public class LiveMarketSourceTests(MarketDataServer server) : IClassFixture<MarketDataServer>
{
    private static readonly DateOnly From = new(2020, 3, 10);
    private static readonly DateOnly To = new(2020, 3, 16);

    // 08:00 in New York on Tuesday 2020-03-17: the last completed session is Monday 2020-03-16.
    private static readonly DateTimeOffset MorningAfter = DateTimeOffset.Parse("2020-03-17T12:00:00Z");

    [Fact]
    public async Task Yahoo_bars_are_dated_by_their_new_york_session_with_raw_and_adjusted_closes()
    {
        const string scenario = "yahoo-ok";
        server.Script(MarketDataServer.YahooKey(scenario, "SPY"), ScriptedResponse.Json(LiveResponses.SpyChart));
        await using var live = LiveSourceHarness.Create(server, scenario, MorningAfter);

        var bars = await live.Source.FetchAsync(Symbols.Spy, From, To, CancellationToken.None);

        Assert.Equal(
            [new(2020, 3, 10), new(2020, 3, 11), new(2020, 3, 12), new(2020, 3, 13), new DateOnly(2020, 3, 16)],
            bars.Select(b => b.Date));
        Assert.Equal(new SourceBar(Symbols.Spy, To, 241.18, 256.9, 237.36, 239.85, 221.0504150390625, 297240000), bars[^1]);
    }

    [Fact]
    public async Task Yahoo_is_asked_for_the_window_between_new_york_midnights_with_the_user_agent()
    {
        const string scenario = "yahoo-request";
        server.Script(MarketDataServer.YahooKey(scenario, "SPY"), ScriptedResponse.Json(LiveResponses.SpyChart));
        await using var live = LiveSourceHarness.Create(server, scenario, MorningAfter);

        await live.Source.FetchAsync(Symbols.Spy, From, To, CancellationToken.None);

        var request = Assert.Single(server.Requests(MarketDataServer.YahooKey(scenario, "SPY")));
        // 2020-03-10 00:00 EDT and 2020-03-17 00:00 EDT.
        Assert.Equal("?period1=1583812800&period2=1584417600&interval=1d&events=div,split", request.Query);
        Assert.Equal(LiveSourceHarness.UserAgent, request.UserAgent);
    }

    [Fact]
    public async Task A_429_is_retried_after_the_delay_the_server_asks_for()
    {
        const string scenario = "yahoo-429";
        var key = MarketDataServer.YahooKey(scenario, "SPY");
        server.Script(key,
            new ScriptedResponse(429, "Too Many Requests", "text/plain", RetryAfter: "1"),
            ScriptedResponse.Json(LiveResponses.SpyChart));
        await using var live = LiveSourceHarness.Create(server, scenario, MorningAfter);

        var clock = Stopwatch.StartNew();
        var bars = await live.Source.FetchAsync(Symbols.Spy, From, To, CancellationToken.None);

        Assert.Equal(5, bars.Count);
        Assert.Equal(2, server.Requests(key).Count);
        // The backoff alone would wait ~10 ms; Retry-After: 1 makes it a second.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
    }

    [Fact]
    public async Task A_burst_of_500s_is_retried_until_the_server_recovers()
    {
        const string scenario = "yahoo-500";
        var key = MarketDataServer.YahooKey(scenario, "SPY");
        server.Script(key,
            ScriptedResponse.Error(500), ScriptedResponse.Error(502), ScriptedResponse.Error(503),
            ScriptedResponse.Json(LiveResponses.SpyChart));
        await using var live = LiveSourceHarness.Create(server, scenario, MorningAfter);

        var bars = await live.Source.FetchAsync(Symbols.Spy, From, To, CancellationToken.None);

        Assert.Equal(221.0504150390625, bars[^1].AdjClose);
        Assert.Equal(4, server.Requests(key).Count);
    }

    [Fact]
    public async Task Too_many_500s_fail_with_the_status_symbol_and_url()
    {
        const string scenario = "yahoo-500-forever";
        var key = MarketDataServer.YahooKey(scenario, "SPY");
        server.Script(key, ScriptedResponse.Error(503, "Service Unavailable"));
        await using var live = LiveSourceHarness.Create(server, scenario, MorningAfter);

        var error = await Assert.ThrowsAsync<MarketSourceException>(
            () => live.Source.FetchAsync(Symbols.Spy, From, To, CancellationToken.None));

        Assert.Contains("HTTP 503", error.Problem);
        Assert.Equal(Symbols.Spy, error.Symbol);
        Assert.StartsWith($"{server.BaseUrl}/{scenario}/v8/finance/chart/SPY?", error.Location);
        Assert.Equal(5, server.Requests(key).Count); // the first attempt and 4 retries
    }

    [Fact]
    public async Task An_attempt_slower_than_the_attempt_timeout_is_retried()
    {
        const string scenario = "yahoo-slow-once";
        var key = MarketDataServer.YahooKey(scenario, "SPY");
        server.Script(key,
            new ScriptedResponse(200, LiveResponses.SpyChart, Delay: TimeSpan.FromSeconds(10)),
            ScriptedResponse.Json(LiveResponses.SpyChart));
        await using var live = LiveSourceHarness.Create(server, scenario, MorningAfter,
            new Dictionary<string, string?> { ["Sources:Live:AttemptTimeout"] = "00:00:01" });

        var bars = await live.Source.FetchAsync(Symbols.Spy, From, To, CancellationToken.None);

        Assert.Equal(5, bars.Count);
        // On a loaded machine a cold second attempt can time out too; what matters is the retry after the slow one.
        Assert.True(server.Requests(key).Count >= 2);
    }

    [Fact]
    public async Task A_server_that_never_answers_in_time_fails_with_a_timeout()
    {
        const string scenario = "yahoo-timeout";
        var key = MarketDataServer.YahooKey(scenario, "SPY");
        server.Script(key, new ScriptedResponse(200, LiveResponses.SpyChart, Delay: TimeSpan.FromSeconds(30)));
        // Eleven attempts of 0.9 s would take ten seconds: only the total timeout can end it near one.
        await using var live = LiveSourceHarness.Create(server, scenario, MorningAfter, new Dictionary<string, string?>
        {
            ["Sources:Live:AttemptTimeout"] = "00:00:00.900",
            ["Sources:Live:TotalTimeout"] = "00:00:01",
            ["Sources:Live:MaxRetries"] = "10",
        });

        var source = live.Source;
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<MarketSourceException>(
            () => source.FetchAsync(Symbols.Spy, From, To, CancellationToken.None));

        Assert.Contains("no answer in time", error.Problem);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"gave up after {clock.Elapsed}");
        Assert.InRange(server.Requests(key).Count, 1, 2);
    }

    [Theory]
    [InlineData("html", "HTML instead of JSON")]
    [InlineData("garbage", "not valid JSON")]
    [InlineData("truncated", "not valid JSON")]
    [InlineData("empty", "empty response body")]
    [InlineData("nulls", "null close on 2020-03-12 (index 2)")]
    [InlineData("out-of-order", "dates out of order or duplicated: timestamp[2] is 2020-03-11, after 2020-03-12")]
    [InlineData("duplicated", "dates out of order or duplicated: timestamp[2] is 2020-03-11, after 2020-03-11")]
    [InlineData("length-mismatch", "indicators.adjclose[0].adjclose has 4 values for 5 timestamps")]
    [InlineData("other-symbol", "the response is for QQQ, not SPY")]
    [InlineData("not-found", "HTTP 404")]
    public async Task An_invalid_yahoo_response_fails_the_whole_fetch_naming_symbol_url_and_problem(string scenario, string problem)
    {
        server.Script(MarketDataServer.YahooKey(scenario, "SPY"), scenario switch
        {
            "html" => ScriptedResponse.Html(LiveResponses.BlockedPage),
            "garbage" => new ScriptedResponse(200, "\u0000\u0017garbage;;;{{", "application/octet-stream"),
            "truncated" => ScriptedResponse.Json(LiveResponses.SpyChart[..(LiveResponses.SpyChart.Length / 2)]),
            "empty" => ScriptedResponse.Json(""),
            "nulls" => ScriptedResponse.Json(LiveResponses.SpyChart.Replace("\"close\":[288.42,274.36,248.11,", "\"close\":[288.42,274.36,null,")),
            "out-of-order" => ScriptedResponse.Json(LiveResponses.SpyChart.Replace("[1583847000,1583933400,1584019800,", "[1583847000,1584019800,1583933400,")),
            "duplicated" => ScriptedResponse.Json(LiveResponses.SpyChart.Replace("[1583847000,1583933400,1584019800,", "[1583847000,1583933400,1583933400,")),
            "length-mismatch" => ScriptedResponse.Json(LiveResponses.SpyChart.Replace("[265.8134765625,", "[")),
            "other-symbol" => ScriptedResponse.Json(LiveResponses.SpyChart.Replace("\"symbol\":\"SPY\"", "\"symbol\":\"QQQ\"")),
            "not-found" => new ScriptedResponse(404, LiveResponses.NotFoundChart),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        });
        await using var live = LiveSourceHarness.Create(server, scenario, MorningAfter);

        var error = await Assert.ThrowsAsync<MarketSourceException>(
            () => live.Source.FetchAsync(Symbols.Spy, From, To, CancellationToken.None));

        Assert.Contains(problem, error.Message);
        Assert.StartsWith($"SPY from {server.BaseUrl}/{scenario}/v8/finance/chart/SPY?period1=", error.Message);
    }

    [Fact]
    public async Task A_yahoo_error_object_is_reported_with_its_description()
    {
        const string scenario = "yahoo-error-object";
        server.Script(MarketDataServer.YahooKey(scenario, "SPY"), ScriptedResponse.Json(LiveResponses.NotFoundChart));
        await using var live = LiveSourceHarness.Create(server, scenario, MorningAfter);

        var error = await Assert.ThrowsAsync<MarketSourceException>(
            () => live.Source.FetchAsync(Symbols.Spy, From, To, CancellationToken.None));

        Assert.Equal("Yahoo reports an error: Not Found — No data found, symbol may be delisted", error.Problem);
    }

    [Fact]
    public async Task The_bar_of_a_session_still_trading_is_dropped()
    {
        const string scenario = "yahoo-today";
        server.Script(MarketDataServer.YahooKey(scenario, "SPY"), ScriptedResponse.Json(LiveResponses.SpyChart));
        // 15:00 in New York on 2020-03-16: Monday's session is still open; the caller asks up to today anyway.
        await using var live = LiveSourceHarness.Create(server, scenario, DateTimeOffset.Parse("2020-03-16T19:00:00Z"));

        var bars = await live.Source.FetchAsync(Symbols.Spy, From, To, CancellationToken.None);

        Assert.Equal(new DateOnly(2020, 3, 13), bars[^1].Date);
    }

    [Theory]
    [InlineData("2020-03-16T20:10:00Z", 13)]
    [InlineData("2020-03-16T20:31:00Z", 16)]
    public async Task A_session_counts_as_completed_half_an_hour_after_the_close_when_vix_has_closed_and_bars_have_settled(string now, int lastDay)
    {
        const string scenario = "yahoo-settling";
        server.Script(MarketDataServer.YahooKey(scenario, "SPY"), ScriptedResponse.Json(LiveResponses.SpyChart));
        // 16:10 and 16:31 in New York (EDT): VIX closes at 16:15.
        await using var live = LiveSourceHarness.Create(server, scenario, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

        var bars = await live.Source.FetchAsync(Symbols.Spy, From, To, CancellationToken.None);

        Assert.Equal(new DateOnly(2020, 3, lastDay), bars[^1].Date);
    }

    [Fact]
    public async Task Nulls_in_a_bar_after_the_requested_end_are_not_an_error()
    {
        const string scenario = "yahoo-unfinished-nulls";
        server.Script(MarketDataServer.YahooKey(scenario, "SPY"), ScriptedResponse.Json(
            LiveResponses.SpyChart.Replace(",239.85]", ",null]").Replace(",221.0504150390625]", ",null]")));
        await using var live = LiveSourceHarness.Create(server, scenario, MorningAfter);

        var bars = await live.Source.FetchAsync(Symbols.Spy, From, new DateOnly(2020, 3, 13), CancellationToken.None);

        Assert.Equal(248.21051025390625, bars[^1].AdjClose);
    }

    [Fact]
    public async Task Vix_and_vix3m_come_from_the_cboe_histories_cut_to_the_window()
    {
        const string scenario = "cboe-ok";
        server.Script(MarketDataServer.CboeKey(scenario, "VIX_History.csv"), ScriptedResponse.Csv(LiveResponses.VixHistory));
        server.Script(MarketDataServer.CboeKey(scenario, "VIX3M_History.csv"), ScriptedResponse.Csv(LiveResponses.Vix3mHistory));
        await using var live = LiveSourceHarness.Create(server, scenario, MorningAfter);

        var vix = await live.Source.FetchAsync(Symbols.Vix, From, To, CancellationToken.None);
        var vix3m = await live.Source.FetchAsync(Symbols.Vix3m, From, To, CancellationToken.None);

        Assert.Equal(new SourceBar(Symbols.Vix, To, 57.830002, 83.559998, 57.830002, 82.690002, 82.690002, 0), vix[^1]);
        Assert.Equal(From, vix[0].Date);
        Assert.Equal(67.70, vix3m[^1].Close);
        Assert.Empty(server.Requests(MarketDataServer.YahooKey(scenario, "^VIX")));
    }

    [Theory]
    [InlineData("cboe-down")]
    [InlineData("cboe-html")]
    [InlineData("cboe-truncated")]
    [InlineData("cboe-stale")]
    public async Task When_cboe_fails_vix_falls_back_to_yahoo(string scenario)
    {
        server.Script(MarketDataServer.CboeKey(scenario, "VIX_History.csv"), scenario switch
        {
            "cboe-down" => ScriptedResponse.Error(500),
            "cboe-html" => ScriptedResponse.Html(LiveResponses.BlockedPage),
            "cboe-truncated" => ScriptedResponse.Csv(LiveResponses.VixHistory[..LiveResponses.VixHistory.LastIndexOf(",83.55")]),
            // Ends on 2020-03-10, four sessions before the requested 2020-03-16.
            "cboe-stale" => ScriptedResponse.Csv(string.Join('\n', LiveResponses.VixHistory.Split('\n')[..3])),
            _ => throw new ArgumentOutOfRangeException(nameof(scenario)),
        });
        server.Script(MarketDataServer.YahooKey(scenario, "^VIX"), ScriptedResponse.Json(LiveResponses.VixChart));
        await using var live = LiveSourceHarness.Create(server, scenario, MorningAfter);

        var vix = await live.Source.FetchAsync(Symbols.Vix, From, To, CancellationToken.None);

        Assert.Equal(new SourceBar(Symbols.Vix, To, 57.83, 83.56, 57.83, 82.69, 82.69, 0), vix[^1]);
        Assert.Single(server.Requests(MarketDataServer.YahooKey(scenario, "^VIX")));
    }

    [Fact]
    public async Task When_cboe_and_yahoo_both_fail_the_error_names_both()
    {
        const string scenario = "both-down";
        server.Script(MarketDataServer.CboeKey(scenario, "VIX3M_History.csv"), ScriptedResponse.Csv(LiveResponses.Vix3mHistory[..LiveResponses.Vix3mHistory.LastIndexOf(",68.71")]));
        server.Script(MarketDataServer.YahooKey(scenario, "^VIX3M"), ScriptedResponse.Html(LiveResponses.BlockedPage));
        await using var live = LiveSourceHarness.Create(server, scenario, MorningAfter);

        var error = await Assert.ThrowsAsync<MarketSourceException>(
            () => live.Source.FetchAsync(Symbols.Vix3m, From, To, CancellationToken.None));

        Assert.Contains("VIX3M_History.csv", error.Location);
        Assert.Contains("/v8/finance/chart/%5EVIX3M", error.Location);
        Assert.Contains("line 6 has 2 fields but the header has 5", error.Problem);
        Assert.Contains("HTML instead of JSON", error.Problem);
    }

    [Fact]
    public async Task A_window_entirely_after_the_last_completed_session_asks_nothing()
    {
        const string scenario = "nothing-due";
        await using var live = LiveSourceHarness.Create(server, scenario, MorningAfter);

        var bars = await live.Source.FetchAsync(Symbols.Spy, new DateOnly(2020, 3, 17), new DateOnly(2020, 3, 17), CancellationToken.None);

        Assert.Empty(bars);
        Assert.Empty(server.Requests(MarketDataServer.YahooKey(scenario, "SPY")));
    }
}
