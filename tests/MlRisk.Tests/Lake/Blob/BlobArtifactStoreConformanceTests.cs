using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake.Blob;

/// <summary>The artifact store contract in a blob container, against a real Azurite; each test with a lake of its own.</summary>
[Collection(AzuriteCollection.Name)]
[RequiresAzurite]
public sealed class BlobArtifactStoreConformanceTests(AzuriteFixture azurite) : ArtifactStoreConformanceTests
{
    private readonly string _container = AzuriteFixture.NewContainerName();

    protected override IArtifactStore OpenStore() => azurite.OpenArtifacts(_container);

    /// <summary>A folder's marker is uploaded last, so a kill leaves its other blobs without it.</summary>
    protected override async Task LeaveInterruptedFolderAsync(string parent, string name, string file)
    {
        var container = azurite.Service.GetBlobContainerClient(_container + "-artifacts");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{parent}/{name}/{file}").UploadAsync(BinaryData.FromString("half"));
    }
}
