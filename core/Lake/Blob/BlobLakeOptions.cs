namespace MlRisk.Core.Lake.Blob;

/// <summary>Settings of the lake on Azure Blob Storage, bound from the "Lake:Blob" configuration section.</summary>
public sealed class BlobLakeOptions
{
    public const string Section = "Lake:Blob";

    /// <summary>An Azure Storage connection string (Azurite's dev account works too).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The container that stands in for the lake's root folder; created when missing.</summary>
    public string Container { get; set; } = "mlrisk-lake";

    /// <summary>
    /// Duration of the run lock's blob lease, 15–60 s (the service's range). The holder renews it while it runs,
    /// so this is how long a crashed run keeps the lake locked.
    /// </summary>
    public int LeaseSeconds { get; set; } = 60;
}
