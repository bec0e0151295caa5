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
    /// Three runs, the performance score judged on their median: one run on two cores shared with the rest of the suite
    /// scored 0.89 once and 0.99 the next time on the same page, the contention Lighthouse's variability guide says a
    /// single run cannot tell from a regression. The other categories do not vary with load and must hold on every run.
    /// </summary>
    [LighthouseFact]
    public async Task Lighthouse_scores_the_dashboard_at_least_090_for_performance_and_1_for_accessibility_and_best_practices()
    {
        const int runs = 3;
        using var folder = new TempFolder();
        var performance = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var path = Path.Combine(folder.Path, $"report-{run}.json");
            var (code, _, stderr) = await RunAsync(WebAuditTools.Lighthouse,
            [
                host.BaseAddress.ToString(), "--quiet", "--output=json", $"--output-path={path}",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ], ("CHROME_PATH", ChromiumFactAttribute.Executable));
            Assert.True(code == 0, $"lighthouse run {run} exited {code}:\n{stderr}");

            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            var lhr = report.RootElement;
            Assert.False(lhr.TryGetProperty("runtimeError", out var failure), $"lighthouse run {run} could not load the page: {failure}");
            double Score(string category) => lhr.GetProperty("categories").GetProperty(category).GetProperty("score").GetDouble();
            var audits = lhr.GetProperty("audits");
            double Value(string audit) => audits.GetProperty(audit).GetProperty("numericValue").GetDouble();
            var consoleErrors = audits.GetProperty("errors-in-console").GetProperty("details").GetProperty("items")
                .EnumerateArray().Select(i => i.GetProperty("description").GetString()).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"lighthouse {lhr.GetProperty("lighthouseVersion").GetString()} run {run}: performance {Score("performance"):F2} ({Failing(lhr, "performance")}), " +
                $"accessibility {Score("accessibility"):F2}, best practices {Score("best-practices"):F2}, SEO {Score("seo"):F2}, " +
                $"CLS {Value("cumulative-layout-shift"):F3}, total blocking time {Value("total-blocking-time"):F0} ms, " +
                $"page weight {Value("total-byte-weight") / 1024:F0} KiB, console errors {consoleErrors.Length}"));

            Assert.True(Score("accessibility") == 1, $"run {run}: accessibility {Score("accessibility")}: {Failing(lhr, "accessibility")}");
            Assert.True(Score("best-practices") == 1, $"run {run}: best practices {Score("best-practices")}: {Failing(lhr, "best-practices")}");
            Assert.True(Value("cumulative-layout-shift") < 0.1, $"run {run}: cumulative layout shift {Value("cumulative-layout-shift")}");
            Assert.Empty(consoleErrors);
            performance.Add(Score("performance"));
        }

        var median = performance.Order().ElementAt(runs / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lighthouse performance, median of {runs} runs: {median:F2}"));
        Assert.True(median >= 0.90, $"performance by run {string.Join(", ", performance)}: median {median}, below 0.90");
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
