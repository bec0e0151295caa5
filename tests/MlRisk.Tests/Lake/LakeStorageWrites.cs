using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake;

/// <summary>The two-phase write of <see cref="ILakeStorage"/> as one call, for tests that need a single file in place.</summary>
public static class LakeStorageWrites
{
    /// <summary>Writes a new file atomically; false (nothing written) when it already exists.</summary>
    public static async Task<bool> WriteNewAsync(this ILakeStorage storage, string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var staged = await storage.StageAsync(path, content, ct);
        return await storage.PublishAsync(staged, ct);
    }
}
