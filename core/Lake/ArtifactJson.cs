using System.Text.Json;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Lake;

/// <summary>
/// Reads the small JSON files of the artifact store (champion.json, metadata.json, run summaries, monitor reports)
/// in one way: a file that does not parse, or holds only <c>null</c>, is an <see cref="InvalidDataException"/> that
/// names the file, what it should hold and what fixes it, never a bare <see cref="JsonException"/> about a byte
/// offset in some unnamed document.
/// </summary>
public static class ArtifactJson
{
    /// <summary>The file at <paramref name="path"/> as a <typeparamref name="T"/>, or null when it does not exist.</summary>
    /// <param name="holds">What the file holds, for the message ("a run summary").</param>
    /// <param name="fix">What the user does when it is damaged ("delete it and …").</param>
    public static async Task<T?> ReadAsync<T>(this IArtifactStore store, string path, string holds, string fix, CancellationToken ct)
        where T : class =>
        await store.ReadAsync(path, ct) is { } bytes ? Parse<T>(bytes, store.Describe(path), holds, fix) : null;

    /// <summary>Parses <paramref name="bytes"/> read from <paramref name="location"/>, failing as <see cref="ReadAsync{T}"/> does.</summary>
    public static T Parse<T>(ReadOnlySpan<byte> bytes, string location, string holds, string fix)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, MlRiskJson.Files)
                ?? throw new InvalidDataException($"{location} holds null, not {holds}; {fix}");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{location} is not {holds} ({e.Message}); {fix}", e);
        }
    }
}
