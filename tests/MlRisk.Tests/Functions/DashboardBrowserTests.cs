using System.Globalization;
using Microsoft.Playwright;
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
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await page.GotoAsync(host.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-state=ready]", new PageWaitForSelectorOptions { Timeout = 15_000 });

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
        Assert.True(await page.EvaluateAsync<bool>(
            "() => { const c = document.getElementById('history-chart'); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true; return false; }"),
            "the history canvas is blank");
        Assert.Equal(4, await page.Locator("#scores tbody tr").CountAsync());
        Assert.Empty(errors);

        var screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, "dashboard-phone.png"), FullPage = true });
    }
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
