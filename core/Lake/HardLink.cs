using System.Runtime.InteropServices;

namespace MlRisk.Core.Lake;

/// <summary>
/// link(2), the no-overwrite publish of the folder lake: it fails with EEXIST atomically. File.Move with
/// overwrite: false is not that on Linux: .NET checks the target with lstat and then calls rename(2), which
/// replaces a file another writer created in between, so two racing writers could both "win".
/// </summary>
internal static partial class HardLink
{
    private const int AlreadyExists = 17; // EEXIST

    /// <summary>Gives <paramref name="existing"/> the second name <paramref name="newPath"/>; false when that name is taken.</summary>
    public static bool TryCreate(string existing, string newPath)
    {
        if (Link(existing, newPath) == 0) return true;
        var errno = Marshal.GetLastPInvokeError();
        if (errno == AlreadyExists) return false;
        throw new IOException($"link {existing} -> {newPath} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string newPath);
}
