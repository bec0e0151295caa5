using Microsoft.Extensions.Options;
using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake;

/// <summary>The storage contract on a folder; each test in a temp folder of its own, deleted afterwards.</summary>
public sealed class FileSystemLakeStorageConformanceTests : LakeStorageConformanceTests, IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("mlrisk-conformance-").FullName;

    protected override ILakeStorage OpenLake(TimeSpan lockWait) =>
        new FileSystemLakeStorage(Options.Create(new LakeOptions { DataPath = _root, LockWait = lockWait }), TimeProvider.System);

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
