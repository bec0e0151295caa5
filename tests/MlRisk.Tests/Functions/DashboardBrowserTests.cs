using System.Globalization;
using Microsoft.Playwright;

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

/// <summary>The dashboard in a real headless Chromium against the standalone host.</summary>
public sealed class DashboardBrowserTests(StandaloneHostFixture host) : IClassFixture<StandaloneHostFixture>
{
    [ChromiumFact]
    public async Task The_dashboard_shows_the_latest_forecast_and_draws_both_charts()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
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
