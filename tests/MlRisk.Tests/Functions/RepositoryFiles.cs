namespace MlRisk.Tests.Functions;

/// <summary>Files at the repository root (docker-compose.yml, local.settings.json.example), found from the test output.</summary>
public static class RepositoryFiles
{
    public static string Path(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Directory.Packages.props")))
            {
                return System.IO.Path.Combine(dir.FullName, name);
            }
        }
        throw new DirectoryNotFoundException($"No repository root (Directory.Packages.props) above {AppContext.BaseDirectory}.");
    }
}
