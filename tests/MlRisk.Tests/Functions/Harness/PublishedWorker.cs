using System.Diagnostics;

namespace MlRisk.Tests.Functions.Harness;

/// <summary>
/// The published worker, the folder a Functions deployment runs (functions/bin/Release/net10.0/linux-x64/publish).
/// The <c>mlrisk</c> launcher publishes it when it is missing or older than a source file (make test runs it before
/// the tests, so here it is a no-op unless a test is run alone after an edit); once per test run.
/// </summary>
public static class PublishedWorker
{
    private static readonly Lazy<Task<string>> Folder = new(PublishAsync);

    public static Task<string> EnsureAsync() => Folder.Value;

    private static async Task<string> PublishAsync()
    {
        var launcher = RepositoryFiles.Path("mlrisk");
        var info = new ProcessStartInfo("bash")
        {
            ArgumentList = { launcher, "--help" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // A publish started from inside dotnet test must not inherit the test build's MSBuild state.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        using var wait = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(wait.Token);
        Assert.True(process.ExitCode == 0, $"./mlrisk --help (which publishes the worker) failed with {process.ExitCode}:\n{await stderr}");
        var folder = Path.Combine(Path.GetDirectoryName(launcher)!, "functions", "bin", "Release", "net10.0", "linux-x64", "publish");
        Assert.True(File.Exists(Path.Combine(folder, "MlRisk.Functions.dll")), $"No published worker in {folder}.");
        return folder;
    }
}
