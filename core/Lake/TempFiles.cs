namespace MlRisk.Core.Lake;

/// <summary>The names of in-flight files: a staged write is named <c>.tmp-*</c> until it is published.</summary>
public static class TempFiles
{
    public const string Prefix = ".tmp-";

    /// <summary>Whether a lake path (folders separated by '/') names a temp file.</summary>
    public static bool IsTemp(string path) => path[(path.LastIndexOf('/') + 1)..].StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Guards every deletion in the lake: only a temp file may ever be removed.</summary>
    public static void RequireTemp(string path)
    {
        if (!IsTemp(path))
        {
            throw new ArgumentException($"'{path}' is not a temp file ({Prefix}*); the lake never deletes anything else", nameof(path));
        }
    }
}
