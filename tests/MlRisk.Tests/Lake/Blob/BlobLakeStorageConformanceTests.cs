using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake.Blob;

/// <summary>The storage contract on Azure Blob Storage, against a real Azurite; each test in a container of its own.</summary>
[Collection(AzuriteCollection.Name)]
[RequiresAzurite]
public sealed class BlobLakeStorageConformanceTests(AzuriteFixture azurite) : LakeStorageConformanceTests
{
    private readonly string _container = AzuriteFixture.NewContainerName();

    protected override ILakeStorage OpenLake(TimeSpan lockWait) => azurite.OpenLake(_container, lockWait);
}
