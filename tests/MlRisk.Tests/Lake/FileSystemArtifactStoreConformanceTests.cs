using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake;

/// <summary>The artifact store contract on a folder.</summary>
public sealed class FileSystemArtifactStoreConformanceTests : ArtifactStoreConformanceTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mlrisk-artifacts-" + Guid.NewGuid().ToString("N"));

    protected override IArtifactStore OpenStore() => new FileSystemArtifactStore(_root);

    /// <summary>A folder write is renamed into place last, so a kill leaves its <c>.tmp-*</c> folder.</summary>
    protected override Task LeaveInterruptedFolderAsync(string parent, string name, string file)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, parent, $"{TempFiles.Prefix}{name}-dead")).FullName;
        return File.WriteAllTextAsync(Path.Combine(folder, file), "half");
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
