namespace MlRisk.Core.Lake;

/// <summary>Settings of the lake, bound from the "Lake" configuration section.</summary>
public sealed class LakeOptions
{
    public const string Section = "Lake";

    public const string FileSystemBackend = "filesystem";
    public const string BlobBackend = "blob";

    /// <summary>Where partitions live: "filesystem" (under <see cref="DataPath"/>) or "blob" (Azure Blob Storage, section Lake:Blob).</summary>
    public string Backend { get; set; } = FileSystemBackend;

    /// <summary>The lake's root folder (datasets are its sub-folders).</summary>
    public string DataPath { get; set; } = "data";

    /// <summary>How long a run waits for another run's lock before giving up.</summary>
    public TimeSpan LockWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// fsync every file before its rename. The rename alone already makes a write atomic for readers and
    /// survives a crash of the process; fsync adds survival of a power cut at about 2 ms per file on this
    /// machine's disk, which a cold run writing 20,000 partitions cannot afford by default.
    /// </summary>
    public bool SyncWrites { get; set; }

    /// <summary>Files read or encoded at once; 0 means one per processor.</summary>
    public int Parallelism { get; set; }

    internal int EffectiveParallelism => Parallelism > 0 ? Parallelism : Environment.ProcessorCount;
}
