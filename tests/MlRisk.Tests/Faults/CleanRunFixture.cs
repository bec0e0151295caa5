namespace MlRisk.Tests.Faults;

/// <summary>
/// One uninterrupted run of the real app on the short synthetic window: the reference every faulted run must
/// converge to, byte for byte. Also the source of pre-built datasets, so a test that crashes stage N starts
/// from a lake where stages before N are done instead of running them again.
/// </summary>
public sealed class CleanRunFixture : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "mlrisk-faults-" + Guid.NewGuid().ToString("N"));

    public string Data => Path.Combine(Root, "clean", "data");

    public string Artifacts => Path.Combine(Root, "clean", "artifacts");

    public async Task InitializeAsync()
    {
        var (code, stderr) = await AppProcess.RunAsync(["run", "--data", Data, "--artifacts", Artifacts]);
        Assert.True(code == 0, $"the clean run failed with {code}:\n{stderr}");
    }

    /// <summary>A fresh empty folder pair for one test.</summary>
    public (string Data, string Artifacts) NewFolders(string name)
    {
        var folder = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        return (Path.Combine(folder, "data"), Path.Combine(folder, "artifacts"));
    }

    /// <summary>Copies the clean run's datasets (and, when asked, its model registry) into a test's folders.</summary>
    public void Seed(string data, string artifacts, IEnumerable<string> datasets, bool models)
    {
        var wanted = datasets.ToHashSet(StringComparer.Ordinal);
        LakeFiles.Copy(Data, data, path => wanted.Contains(path.Split('/')[0]));
        Directory.CreateDirectory(data);
        if (models) LakeFiles.Copy(Path.Combine(Artifacts, "models"), Path.Combine(artifacts, "models"));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<CleanRunFixture>
{
    /// <summary>Every test here starts real app processes; one at a time keeps a 2-core machine responsive.</summary>
    public const string Name = "Faults";
}
