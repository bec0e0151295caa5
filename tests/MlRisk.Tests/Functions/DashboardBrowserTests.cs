using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MlRisk.Core.Contracts;
using MlRisk.Tests.Serving;

namespace MlRisk.Tests.Functions;

/// <summary>A fact that runs only where the Debian Chromium is installed (apt-get install -y chromium).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable)) Skip = $"skipped: {Executable} is missing; install it with `apt-get install -y chromium`";
    }
}

/// <summary>Headless Debian Chromium driven by Playwright (no browser download).</summary>
public static class HeadlessChromium
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ChromiumFactAttribute.Executable,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
    });
}

/// <summary>The dashboard in a real headless Chromium against the standalone host serving a real synthetic pipeline run.</summary>
[Collection(SyntheticPipelineCollection.Name)]
public sealed class DashboardBrowserTests(SyntheticPipelineHostFixture host)
{
    [ChromiumFact]
    public async Task The_dashboard_shows_the_latest_forecast_and_draws_both_charts()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var (page, errors) = await OpenAsync(browser);

        var latest = await HttpJson.ReadAsync(await host.Client.GetAsync("/predictions/latest"));
        var rv = latest.GetProperty("rv_5d_hat").GetDouble();
        var shown = await page.Locator("#forecast-rv").GetAttributeAsync("data-value");
        Assert.Equal(rv, double.Parse(shown!, CultureInfo.InvariantCulture));
        Assert.Equal((rv * 100).ToString("F2", CultureInfo.InvariantCulture) + "%", await page.Locator("#forecast-rv").InnerTextAsync());
        Assert.Equal(latest.GetProperty("as_of_date").GetString(), await page.Locator("#forecast-date").InnerTextAsync());

        var driverBars = await page.EvaluateAsync<int>("() => window.mlrisk.drivers.data.datasets[0].data.length");
        var historyPoints = await page.EvaluateAsync<int>("() => window.mlrisk.history.data.datasets[0].data.filter(v => v != null).length");
        Assert.Equal(3, driverBars);
        Assert.True(historyPoints > 200, $"history chart drew {historyPoints} points");
        Assert.True(await CanvasIsDrawnAsync(page, "history-chart"), "the history canvas is blank");
        Assert.Equal(4, await page.Locator("#scores tbody tr").CountAsync());
        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var favicon = await host.Client.GetAsync(icon);
        Assert.Equal("image/svg+xml", favicon.Content.Headers.ContentType?.MediaType);
        Assert.Empty(errors);

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard-phone.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task The_dashboard_draws_the_forecast_fan_regimes_risk_and_calibration_from_the_api()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var (page, errors) = await OpenAsync(browser);
        var latest = await HttpJson.ReadAsync(await host.Client.GetAsync("/predictions/latest"));
        var distribution = latest.GetProperty("distribution");

        // The fan: each upper edge is filled down to its lower edge (the Filler plugin took it), with the API's quantiles.
        var history = await page.EvaluateAsync<JsonElement>(
            "() => { const c = window.mlrisk.history; return { labels: c.data.labels, datasets: c.data.datasets.map((d, i) => " +
            "({ label: d.label, data: d.data, fill: c.getDatasetMeta(i).$filler ? c.getDatasetMeta(i).$filler.fill : null })) }; }");
        var all = await HttpJson.ReadAsync(await host.Client.GetAsync("/predictions"));
        var byDate = all.GetProperty("points").EnumerateArray().ToDictionary(p => p.GetProperty("date").GetString()!, p => p.GetProperty("distribution"));
        var labels = history.GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray();
        var datasets = history.GetProperty("datasets").EnumerateArray().ToArray();
        int Index(string label) => Array.FindIndex(datasets, d => d.GetProperty("label").GetString() == label);
        Assert.Equal(0, Index("Forecast rv_5d"));
        foreach (var (lower, upper, band) in new[] { ("rv_5d_q05", "rv_5d_q95", "q05–q95 (90 %)"), ("rv_5d_q10", "rv_5d_q90", "q10–q90 (80 %)") })
        {
            var upperEdge = datasets[Index(band)];
            var lowerIndex = Index(lower[^3..]);
            Assert.True(lowerIndex > 0, $"no {lower[^3..]} edge under the {band} band");
            Assert.Equal(lowerIndex, upperEdge.GetProperty("fill").GetInt32());
            Assert.Equal(labels.Select(d => byDate[d].GetProperty(upper).GetDouble()), upperEdge.GetProperty("data").EnumerateArray().Select(v => v.GetDouble()));
            Assert.Equal(labels.Select(d => byDate[d].GetProperty(lower).GetDouble()), datasets[lowerIndex].GetProperty("data").EnumerateArray().Select(v => v.GetDouble()));
        }
        Assert.Contains(Pct(distribution.GetProperty("rv_5d_q10").GetDouble()) + " – " + Pct(distribution.GetProperty("rv_5d_q90").GetDouble()),
            await page.Locator("#history-text").InnerTextAsync());

        // The regime bar: four segments as wide as their probabilities, and four words whose whole percentages sum to 100.
        var regimes = new[] { "calm", "normal", "elevated", "stressed" };
        Assert.Equal(4, await page.Locator("#regime-bar .segment").CountAsync());
        var barWidth = (await page.Locator("#regime-bar").BoundingBoxAsync())!.Width;
        var shownSum = 0;
        for (var i = 0; i < regimes.Length; i++)
        {
            var p = distribution.GetProperty("p_" + regimes[i]).GetDouble();
            var segment = (await page.Locator($"#regime-bar .segment[data-regime={regimes[i]}]").BoundingBoxAsync())!;
            Assert.InRange(segment.Width / barWidth, p - 0.02, p + 0.02);
            var word = await page.Locator($"#regime-words li[data-regime={regimes[i]}] .word").InnerTextAsync();
            var match = Regex.Match(word, $"^{regimes[i]} week: (\\d+) %$");
            Assert.True(match.Success, $"regime word '{word}'");
            var shown = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.InRange(shown, p * 100 - 1, p * 100 + 1);
            shownSum += shown;
        }
        Assert.InRange(shownSum, 99, 101);
        Assert.Contains("stressed", await page.Locator("#regime-bar").GetAttributeAsync("aria-label"));

        // VaR and ES of the next five sessions, in % and in dollars per $1M of the log-return loss.
        Assert.Contains("$ per $1M", await page.Locator("#risk-table thead").InnerTextAsync());
        foreach (var key in new[] { "var95", "es95", "var99", "es99" })
        {
            var loss = distribution.GetProperty(key + "_5d").GetDouble();
            Assert.Equal(Pct(loss), await page.Locator($"#{key}-pct").InnerTextAsync());
            var dollars = Math.Round(1e6 * (1 - Math.Exp(-loss)), MidpointRounding.AwayFromZero);
            Assert.Equal("$" + dollars.ToString("N0", CultureInfo.InvariantCulture), await page.Locator($"#{key}-usd").InnerTextAsync());
        }

        // Calibration: coverage, the PIT histogram chart, the reliability chart, the VaR exceedances.
        var calibration = (await HttpJson.ReadAsync(await host.Client.GetAsync("/model"))).GetProperty("calibration");
        foreach (var level in new[] { "80", "90" })
            Assert.Equal(Pct(calibration.GetProperty("coverage" + level).GetDouble(), "F1"), await page.Locator("#coverage" + level).InnerTextAsync());
        Assert.Equal(calibration.GetProperty("pit_histogram").EnumerateArray().Select(v => v.GetInt32()),
            await page.EvaluateAsync<int[]>("() => window.mlrisk.pit.data.datasets[0].data"));
        Assert.True(await CanvasIsDrawnAsync(page, "pit-chart"), "the PIT canvas is blank");
        Assert.Equal(5, await page.EvaluateAsync<int>("() => window.mlrisk.reliability.data.datasets.length"));
        // The diagram draws /model's reliability bins that hold at least 20 dates, each at (mean forecast, observed frequency).
        var binned = calibration.GetProperty("reliability").EnumerateArray()
            .Select(r => r.GetProperty("bins").EnumerateArray().Where(b => b.GetProperty("dates").GetInt32() >= 20)
                .SelectMany(b => new[] { b.GetProperty("mean_forecast").GetDouble(), b.GetProperty("observed_frequency").GetDouble() }).ToArray())
            .ToArray();
        var drawn = await page.EvaluateAsync<double[][]>("() => window.mlrisk.reliability.data.datasets.slice(1).map(d => d.data.flatMap(p => [p.x, p.y]))");
        Assert.Equal(binned.Length, drawn.Length);
        Assert.All(binned.Zip(drawn), pair => Assert.Equal(pair.First, pair.Second));
        Assert.True(binned.Sum(b => b.Length) >= 8, "the synthetic run's diagram has fewer than four bins of 20 dates");
        // ... and the page did not download the whole history for it: every /predictions request asks for a range.
        var fetched = await page.EvaluateAsync<string[]>("() => performance.getEntriesByType('resource').map(e => new URL(e.name).pathname + new URL(e.name).search)");
        Assert.Contains(fetched, u => u.StartsWith("/predictions?from=", StringComparison.Ordinal));
        Assert.DoesNotContain("/predictions", fetched);
        Assert.True(await CanvasIsDrawnAsync(page, "reliability-chart"), "the reliability canvas is blank");
        foreach (var level in new[] { "var95", "var99" })
        {
            var v = calibration.GetProperty(level);
            var cells = await page.Locator($"#exceedances tbody tr[data-level='{v.GetProperty("level").GetDouble().ToString(CultureInfo.InvariantCulture)}'] td").AllInnerTextsAsync();
            Assert.Equal(v.GetProperty("windows").GetInt32().ToString(CultureInfo.InvariantCulture), cells[1]);
            Assert.Equal(v.GetProperty("exceedances").GetInt32().ToString(CultureInfo.InvariantCulture), cells[2]);
        }

        // Every chart has an accessible name and its numbers as text next to it.
        foreach (var canvas in new[] { "drivers-chart", "history-chart", "pit-chart", "reliability-chart", "health-chart" })
        {
            var element = page.Locator("#" + canvas);
            Assert.Equal("img", await element.GetAttributeAsync("role"));
            Assert.False(string.IsNullOrWhiteSpace(await element.GetAttributeAsync("aria-label")), canvas);
            var text = await page.Locator("#" + await element.GetAttributeAsync("aria-describedby")).InnerTextAsync();
            Assert.False(string.IsNullOrWhiteSpace(text), $"{canvas} has no text alternative");
        }
        Assert.Empty(errors);

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard-distribution.png"), FullPage = true });
        // On a phone nothing is wider than the screen once the charts have followed the viewport (they resize on a frame).
        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForFunctionAsync("() => document.documentElement.scrollWidth <= window.innerWidth", null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard-distribution-phone.png"), FullPage = true });
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task The_model_health_panel_shows_the_monitor_verdict_the_rolling_ratios_the_drift_table_and_the_last_retrain()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var (page, errors) = await OpenAsync(browser);
        var latest = await HttpJson.ReadAsync(await host.Client.GetAsync("/predictions/latest"));
        var from = DateOnly.Parse(latest.GetProperty("as_of_date").GetString()!, CultureInfo.InvariantCulture).AddYears(-1);
        var monitor = await HttpJson.ReadAsync(await host.Client.GetAsync($"/monitor?from={from:yyyy-MM-dd}"));
        var rows = monitor.GetProperty("rows").EnumerateArray().ToArray();
        var window = monitor.GetProperty("window_sessions").GetInt32();
        var last = rows[^1];

        var status = await page.Locator("#monitor-status").InnerTextAsync();
        Assert.StartsWith($"{last.GetProperty("date").GetString()}: {last.GetProperty("status").GetString()}", status);
        foreach (var reason in last.GetProperty("reasons").EnumerateArray()) Assert.Contains(reason.GetString()!, status);

        var drift = last.GetProperty("drift").EnumerateArray().ToArray();
        Assert.Equal(FeatureNames.Count, await page.Locator("#drift tbody tr").CountAsync());
        for (var i = 0; i < drift.Length; i++)
        {
            var cells = await page.Locator("#drift tbody tr").Nth(i).Locator("td").AllInnerTextsAsync();
            Assert.Equal(drift[i].GetProperty("feature").GetString(), cells[0]);
            Assert.Equal(drift[i].GetProperty("psi").GetDouble().ToString("F3", CultureInfo.InvariantCulture), cells[1]);
            Assert.Equal(drift[i].GetProperty("ks").GetDouble().ToString("F3", CultureInfo.InvariantCulture), cells[2]);
            var levels = last.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)
                .Where(r => r.Contains($" {cells[0]} ", StringComparison.Ordinal)).Select(r => r.Split(':')[0]).ToList();
            Assert.Equal(levels.Contains("alert") ? "alert" : levels.FirstOrDefault() ?? "ok", cells[4]);
        }
        Assert.Equal([window.ToString(CultureInfo.InvariantCulture), window.ToString(CultureInfo.InvariantCulture)],
            await page.Locator(".monitor-window").AllInnerTextsAsync());

        var full = rows.Where(r => r.GetProperty("scores").GetProperty("window_sessions").GetInt32() >= window).ToArray();
        Assert.Equal(full.Select(r => r.GetProperty("scores").GetProperty("qlike_ratio_baseline").GetDouble()),
            await page.EvaluateAsync<double[]>("() => window.mlrisk.health.data.datasets[0].data"));
        Assert.True(await CanvasIsDrawnAsync(page, "health-chart"), "the model-health canvas is blank");
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#health-text").InnerTextAsync()));

        var metadata = (await HttpJson.ReadAsync(await host.Client.GetAsync("/model"))).GetProperty("metadata");
        Assert.Contains(metadata.GetProperty("trained_because").GetString()!, await page.Locator("#retrain").InnerTextAsync());
        Assert.StartsWith("no_champion: ", metadata.GetProperty("trained_because").GetString());
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task The_range_buttons_work_from_the_keyboard_and_redraw_the_history_without_moving_the_page()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var (page, errors) = await OpenAsync(browser, 412, 823);
        var latest = DateOnly.Parse((await HttpJson.ReadAsync(await host.Client.GetAsync("/predictions/latest"))).GetProperty("as_of_date").GetString()!, CultureInfo.InvariantCulture);
        await page.EvaluateAsync("() => { window.__shifts.length = 0; }");

        // Tab moves between the buttons, Enter and Space press them.
        await page.Locator(".ranges button[data-range='63']").FocusAsync();
        await PressAsync(page, "Enter", "63", latest);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await PressAsync(page, "Enter", "1260", latest);
        await page.Keyboard.PressAsync("Tab");
        await PressAsync(page, "Space", "all", latest);
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await PressAsync(page, "Enter", "252", latest);

        // Counting the shifts right after input too, which CLS forgives: the chart is redrawn inside its box.
        Assert.Equal("[]", await page.EvaluateAsync<string>("() => JSON.stringify(window.__shifts)"));
        Assert.Empty(errors);
    }

    [ChromiumFact]
    public async Task The_first_load_does_not_move_the_layout_on_a_phone_or_a_desktop()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        foreach (var (width, height) in new[] { (412, 823), (1200, 1000) })
        {
            var (page, errors) = await OpenAsync(browser, width, height);
            // The last charts are drawn on the next frame; shifts are reported after it.
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            var shifts = await page.EvaluateAsync<JsonElement>("() => window.__shifts.filter(s => !s.hadRecentInput)");
            var cls = shifts.EnumerateArray().Sum(s => s.GetProperty("value").GetDouble());
            Console.WriteLine($"dashboard layout shift on first load at {width}×{height}: {cls:F4}");
            Assert.True(cls < 0.01, $"layout shift {cls:F4} at {width}×{height}: {shifts}");
            Assert.Empty(errors);
            await page.CloseAsync();
        }
    }

    /// <summary>Presses <paramref name="key"/> on the focused range button and checks the chart shows that range of the API.</summary>
    private async Task PressAsync(IPage page, string key, string range, DateOnly latest)
    {
        Assert.Equal(range, await page.EvaluateAsync<string>("() => document.activeElement.dataset.range"));
        await page.Keyboard.PressAsync(key);
        await page.WaitForSelectorAsync("#history-box[aria-busy=false]", new PageWaitForSelectorOptions { Timeout = 10_000 });

        var query = range == "all" ? "" : $"?from={latest.AddDays(-(int)Math.Round(int.Parse(range, CultureInfo.InvariantCulture) * 365 / 252.0)):yyyy-MM-dd}";
        var expected = (await HttpJson.ReadAsync(await host.Client.GetAsync("/predictions" + query))).GetProperty("points")
            .EnumerateArray().Select(p => p.GetProperty("date").GetString()).ToArray();
        Assert.True(expected.Length > 40, $"{range}: only {expected.Length} dates");
        Assert.Equal(expected, await page.EvaluateAsync<string[]>("() => window.mlrisk.history.data.labels"));
        Assert.Equal([range], await page.Locator(".ranges button[aria-pressed=true]").EvaluateAllAsync<string[]>("bs => bs.map(b => b.dataset.range)"));
        Assert.True(await page.Locator("#history-state").IsHiddenAsync(), "the history still says it is loading");
    }

    /// <summary>
    /// The dashboard, ready; errors collects page errors and console errors, and window.__shifts every layout shift
    /// from the start (PerformanceObserver, buffered).
    /// </summary>
    private async Task<(IPage Page, List<string> Errors)> OpenAsync(IBrowser browser, int width = 1200, int height = 1000)
    {
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"console: {m.Text} ({m.Location})"); };
        await page.AddInitScriptAsync("""
            window.__shifts = [];
            new PerformanceObserver(list => {
              for (const e of list.getEntries()) window.__shifts.push({ value: e.value, hadRecentInput: e.hadRecentInput,
                sources: e.sources.map(s => s.node ? (s.node.id || s.node.className || s.node.nodeName) : "?") });
            }).observe({ type: "layout-shift", buffered: true });
            """);

        await page.GotoAsync(host.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-state=ready]", new PageWaitForSelectorOptions { Timeout = 15_000 });
        return (page, errors);
    }

    private static string Pct(double x, string format = "F2") => (x * 100).ToString(format, CultureInfo.InvariantCulture) + "%";

    private static Task<bool> CanvasIsDrawnAsync(IPage page, string id) => page.EvaluateAsync<bool>(
        "(id) => { const c = document.getElementById(id); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true; return false; }", id);
}

/// <summary>The dashboard's honest states: an empty lake without a model, and an API that does not answer.</summary>
public sealed class DashboardEmptyStateTests(EmptyLakeHostFixture host) : IClassFixture<EmptyLakeHostFixture>
{
    [ChromiumFact]
    public async Task An_empty_lake_says_there_is_no_forecast_and_no_champion_yet()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync(host.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-state=ready]", new PageWaitForSelectorOptions { Timeout = 15_000 });

        Assert.StartsWith("No forecast yet", await page.Locator("#latest-body").InnerTextAsync());
        Assert.StartsWith("No champion is served: the latest candidate, fake-v0,", await page.Locator("#model-state").InnerTextAsync());
        Assert.StartsWith("Gate failed", await page.Locator("#gate").InnerTextAsync());
        Assert.Equal("No forecasts stored in this range yet.", await page.Locator("#history-state").InnerTextAsync());
        Assert.True(await page.Locator("#latest-figures").IsHiddenAsync());
        Assert.True(await page.Locator("#history-chart").IsHiddenAsync());
        Assert.Empty(errors);
        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard-empty.png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task A_model_endpoint_failing_on_damaged_stored_data_is_said_in_both_calibration_panels()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        // The answer Problems.Unexpected gives when stored data does not read (an InvalidDataException).
        const string detail = "artifacts/models/v1/metadata.json does not read: delete it and retrain";
        await page.RouteAsync("**/model", route => route.FulfillAsync(new RouteFulfillOptions
        {
            Status = 500,
            ContentType = "application/problem+json",
            Body = $$"""{"type":"urn:mlrisk:problem:stored-data-damaged","title":"Stored data does not read","status":500,"detail":"{{detail}}"}""",
        }));

        await page.GotoAsync(host.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-state=ready]", new PageWaitForSelectorOptions { Timeout = 15_000 });

        Assert.Equal("Could not load the calibration: " + detail, await page.Locator("#calibration-state").InnerTextAsync());
        Assert.Equal("Could not load the calibration: " + detail, await page.Locator("#reliability-state").InnerTextAsync());
        Assert.Contains("error", await page.Locator("#reliability-state").GetAttributeAsync("class") ?? "");
    }

    [ChromiumFact]
    public async Task An_unreachable_api_is_said_so()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        await page.RouteAsync("**/health", route => route.AbortAsync());

        await page.GotoAsync(host.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-state=unreachable]", new PageWaitForSelectorOptions { Timeout = 15_000 });

        Assert.Contains("unreachable", await page.Locator("#banner").InnerTextAsync());
    }
}
