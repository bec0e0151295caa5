using System.Globalization;
using System.Text.Json;
using MlRisk.Tests.Serving;

namespace MlRisk.Tests.Functions;

/// <summary>
/// The dashboard and the API document as Lighthouse 12 (mobile defaults, headless Debian Chromium) and Redocly CLI
/// (recommended rules) judge them, on the standalone host serving a real synthetic pipeline run. The numbers are printed.
/// </summary>
[Collection(SyntheticPipelineCollection.Name)]
public sealed class WebAuditTests(SyntheticPipelineHostFixture host)
{
    /// <summary>
    /// Three runs judged on Lighthouse's median run (its own <c>computeMedianRun</c>): one run on two cores shared with
    /// the rest of the suite scored 0.89 once and 0.99 the next time on the same page, which is the contention its
    /// variability guide says a single run cannot tell from a regression.
    /// </summary>
    [LighthouseFact]
    public async Task Lighthouse_scores_the_dashboard_at_least_090_for_performance_and_1_for_accessibility_and_best_practices()
    {
        const int runs = 3;
        using var folder = new TempFolder();
        var reports = new List<string>();
        for (var run = 1; run <= runs; run++)
        {
            var path = Path.Combine(folder.Path, $"report-{run}.json");
            var (code, _, stderr) = await RunAsync(WebAuditTools.Lighthouse,
            [
                host.BaseAddress.ToString(), "--quiet", "--output=json", $"--output-path={path}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ], ("CHROME_PATH", ChromiumFactAttribute.Executable));
            Assert.True(code == 0, $"lighthouse run {run} exited {code}:\n{stderr}");
            var failure = JsonDocument.Parse(await File.ReadAllTextAsync(path)).RootElement.TryGetProperty("runtimeError", out var error);
            Assert.False(failure, $"lighthouse run {run} could not load the page: {error}");
            reports.Add(path);
        }
        Console.WriteLine("lighthouse performance by run: " + string.Join(", ", reports.Select(r => PerformanceOf(r).ToString("F2", CultureInfo.InvariantCulture))));
        var report = Path.Combine(folder.Path, "median.json");
        var (medianCode, _, medianError) = await RunAsync("node", [WebAuditTools.MedianRun, report, .. reports]);
        Assert.True(medianCode == 0, $"median-run.mjs exited {medianCode}:\n{medianError}");

        var lhr = JsonDocument.Parse(await File.ReadAllTextAsync(report)).RootElement;
        double Score(string category) => lhr.GetProperty("categories").GetProperty(category).GetProperty("score").GetDouble();
        var audits = lhr.GetProperty("audits");
        var cls = audits.GetProperty("cumulative-layout-shift").GetProperty("numericValue").GetDouble();
        var consoleErrors = audits.GetProperty("errors-in-console").GetProperty("details").GetProperty("items")
            .EnumerateArray().Select(i => i.GetProperty("description").GetString()).ToArray();
        var bytes = audits.GetProperty("total-byte-weight").GetProperty("numericValue").GetDouble();
        var blocking = audits.GetProperty("total-blocking-time").GetProperty("numericValue").GetDouble();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"lighthouse {lhr.GetProperty("lighthouseVersion").GetString()}, median of {runs} runs: performance {Score("performance"):F2}, accessibility {Score("accessibility"):F2}, " +
            $"best practices {Score("best-practices"):F2}, SEO {Score("seo"):F2}, CLS {cls:F3}, total blocking time {blocking:F0} ms, page weight {bytes / 1024:F0} KiB, console errors {consoleErrors.Length}"));

        Assert.True(Score("performance") >= 0.90, $"performance {Score("performance")}: {Failing(lhr, "performance")}");
        Assert.True(Score("accessibility") == 1, $"accessibility {Score("accessibility")}: {Failing(lhr, "accessibility")}");
        Assert.True(Score("best-practices") == 1, $"best practices {Score("best-practices")}: {Failing(lhr, "best-practices")}");
        Assert.True(cls < 0.1, $"cumulative layout shift {cls}");
        Assert.Empty(consoleErrors);
    }

    [RedoclyFact]
    public async Task Redocly_finds_no_error_in_the_openapi_document_and_only_the_warnings_kept_on_purpose()
    {
        using var folder = new TempFolder();
        var document = Path.Combine(folder.Path, "openapi.json");
        await File.WriteAllTextAsync(document, await host.Client.GetStringAsync("/openapi.json"));

        var (_, stdout, stderr) = await RunAsync(WebAuditTools.Redocly, ["lint", document, "--format=json"]);
        var result = JsonDocument.Parse(stdout).RootElement;
        var totals = result.GetProperty("totals");
        var problems = result.GetProperty("problems").EnumerateArray()
            .Select(p => $"{p.GetProperty("severity").GetString()} {p.GetProperty("ruleId").GetString()} {p.GetProperty("location")[0].GetProperty("pointer").GetString()}")
            .ToArray();
        Console.WriteLine($"redocly {result.GetProperty("version").GetString()} lint /openapi.json: {totals.GetProperty("errors").GetInt32()} errors, " +
            $"{totals.GetProperty("warnings").GetInt32()} warnings{string.Concat(problems.Select(p => "\n  " + p))}");

        Assert.True(totals.GetProperty("errors").GetInt32() == 0, string.Join("\n", problems) + "\n" + stderr);
        // GET /model and GET /health take no input, so no request to them is a client error: a 4xx there would be invented.
        Assert.Equal(
            ["warn operation-4xx-response #/paths/~1model/get/responses", "warn operation-4xx-response #/paths/~1health/get/responses"],
            problems);
    }

    private static double PerformanceOf(string report) => JsonDocument.Parse(File.ReadAllText(report)).RootElement
        .GetProperty("categories").GetProperty("performance").GetProperty("score").GetDouble();

    private static string Failing(JsonElement lhr, string category) => string.Join("; ",
        lhr.GetProperty("categories").GetProperty(category).GetProperty("auditRefs").EnumerateArray()
            .Select(r => lhr.GetProperty("audits").GetProperty(r.GetProperty("id").GetString()!))
            .Where(a => a.GetProperty("score").ValueKind == JsonValueKind.Number && a.GetProperty("score").GetDouble() < 1)
            .Select(a => $"{a.GetProperty("id").GetString()} {a.GetProperty("score").GetDouble():F2}"));

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, string[] args, params (string Key, string Value)[] environment)
    {
        var info = new System.Diagnostics.ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(file)} did not finish within 3 minutes");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("mlrisk-audit-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
