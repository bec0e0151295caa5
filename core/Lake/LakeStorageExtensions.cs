namespace MlRisk.Core.Lake;

/// <summary>Single-file conveniences over the two-phase write of <see cref="ILakeStorage"/>.</summary>
public static class LakeStorageExtensions
{
    /// <summary>Writes a new file atomically; false (nothing written) when it already exists.</summary>
    public static async Task<bool> WriteNewAsync(this ILakeStorage storage, string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var staged = await storage.StageAsync(path, content, ct);
        return await storage.PublishAsync(staged, ct);
    }
}
