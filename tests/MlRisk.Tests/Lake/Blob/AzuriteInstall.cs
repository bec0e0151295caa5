namespace MlRisk.Tests.Lake.Blob;

/// <summary>
/// Finds what the Azurite-backed tests start: node on PATH and the emulator pinned in tests/azurite
/// (installed by <c>npm ci --prefix tests/azurite</c>). <see cref="SkipReason"/> says what is missing.
/// </summary>
public static class AzuriteInstall
{
    public const string InstallCommand = "npm ci --prefix tests/azurite";

    public static string? RepositoryRoot { get; } = FindRepositoryRoot();

    public static string? Node { get; } = FindOnPath("node");

    /// <summary>The azurite-blob entry script (a symlink node resolves to the package).</summary>
    public static string? BlobScript { get; } = RepositoryRoot is null
        ? null
        : Path.Combine(RepositoryRoot, "tests", "azurite", "node_modules", ".bin", "azurite-blob");

    public static string? SkipReason { get; } =
        RepositoryRoot is null ? $"skipped: no MlRisk.sln above {AppContext.BaseDirectory}, so tests/azurite cannot be found"
        : Node is null ? "skipped: node is not on PATH; install Node.js 20+ and run " + InstallCommand
        : !File.Exists(BlobScript) ? $"skipped: Azurite is not installed ({BlobScript} is missing); run {InstallCommand}"
        : null;

    private static string? FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MlRisk.sln"))) return folder.FullName;
        }
        return null;
    }

    private static string? FindOnPath(string program)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, program);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
