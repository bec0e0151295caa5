using System.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace MlRisk.Tests.Functions;

/// <summary>
/// The real tools that check the deployment files: Debian's <c>docker-compose</c> (Compose v1; <c>config</c> needs no
/// engine) and the Dockerfile linter from npm (tests/dockerfile-lint, dockerfile-utils: hadolint is served by neither
/// npm nor Debian here).
/// </summary>
public static class DeploymentTools
{
    public const string Compose = "/usr/bin/docker-compose";

    public static string Linter { get; } = RepositoryFiles.Path("tests/dockerfile-lint/node_modules/.bin/dockerfile-utils");

    public static string? ComposeSkipReason => File.Exists(Compose)
        ? null
        : $"skipped: {Compose} is missing; install it with `apt-get install -y docker-compose` (.ci/run does)";

    public static string? LinterSkipReason => File.Exists(Linter)
        ? null
        : $"skipped: {Linter} is missing; run `make dockerfile-lint` (npm ci --prefix tests/dockerfile-lint; make test does)";

    private static readonly Lazy<(int Code, string Stdout, string Stderr)> ResolvedCompose =
        new(() => Run(Compose, ["-f", "docker-compose.yml", "config"]));

    /// <summary>
    /// <c>docker-compose -f docker-compose.yml config</c>: the file as Compose resolves it (long-form ports, absolute bind
    /// mounts, defaults filled in), parsed; fails naming Compose's complaint when the file does not validate.
    /// </summary>
    public static YamlMappingNode ResolvedComposeFile()
    {
        var (code, stdout, stderr) = ResolvedCompose.Value;
        Assert.True(code == 0, $"docker-compose config rejected docker-compose.yml (exit {code}):\n{stderr}");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(stdout));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    /// <summary>Runs <paramref name="file"/> in the repository root and returns its exit code and output.</summary>
    public static (int Code, string Stdout, string Stderr) Run(
        string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = Path.GetDirectoryName(RepositoryFiles.Path("docker-compose.yml"))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // Settings from the caller's shell would change what Compose resolves.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("COMPOSE_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MLRISK_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(key);
        }
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{file} {string.Join(" ", info.ArgumentList)} did not finish within a minute");
        }
        return (process.ExitCode, stdout, stderr.Result);
    }
}

/// <summary>A fact that needs Debian's docker-compose.</summary>
public sealed class ComposeFactAttribute : FactAttribute
{
    public ComposeFactAttribute()
    {
        Skip = DeploymentTools.ComposeSkipReason;
    }
}

/// <summary>A fact that needs the Dockerfile linter of tests/dockerfile-lint.</summary>
public sealed class DockerfileLintFactAttribute : FactAttribute
{
    public DockerfileLintFactAttribute()
    {
        Skip = DeploymentTools.LinterSkipReason;
    }
}
