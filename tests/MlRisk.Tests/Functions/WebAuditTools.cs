namespace MlRisk.Tests.Functions;

/// <summary>
/// The tools web and API people judge a site with, pinned in tests/lighthouse (npm ci --prefix tests/lighthouse):
/// Lighthouse, driving the Debian Chromium, and Redocly CLI.
/// </summary>
public static class WebAuditTools
{
    public static string Lighthouse { get; } = RepositoryFiles.Path("tests/lighthouse/node_modules/.bin/lighthouse");

    public static string Redocly { get; } = RepositoryFiles.Path("tests/lighthouse/node_modules/.bin/redocly");

    public static string? SkipReason(bool needsChromium)
    {
        if (needsChromium && !File.Exists(ChromiumFactAttribute.Executable))
            return $"skipped: {ChromiumFactAttribute.Executable} is missing; install it with `apt-get install -y chromium` (.ci/run does)";
        foreach (var tool in new[] { Lighthouse, Redocly })
        {
            if (!File.Exists(tool)) return $"skipped: {tool} is missing; run `make web-audit` (npm ci --prefix tests/lighthouse; make test does)";
        }
        return null;
    }
}

/// <summary>A fact that needs Lighthouse and the Debian Chromium.</summary>
public sealed class LighthouseFactAttribute : FactAttribute
{
    public LighthouseFactAttribute()
    {
        Skip = WebAuditTools.SkipReason(needsChromium: true);
    }
}

/// <summary>A fact that needs Redocly CLI.</summary>
public sealed class RedoclyFactAttribute : FactAttribute
{
    public RedoclyFactAttribute()
    {
        Skip = WebAuditTools.SkipReason(needsChromium: false);
    }
}
