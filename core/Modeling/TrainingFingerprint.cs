using System.Buffers.Binary;
using System.Security.Cryptography;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// SHA-256 over the training rows (date, 14 features, rv_5d, ret_5d as little-endian IEEE doubles, in date order):
/// the same rows give the same fingerprint on any machine, and any changed bit gives another.
/// </summary>
public static class TrainingFingerprint
{
    public static string Compute(TrainingSet set)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendRows(sha, set, set.Rows);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Adds rows [0, end) to <paramref name="sha"/> in the fingerprint's byte layout.</summary>
    public static void AppendRows(IncrementalHash sha, TrainingSet set, int end)
    {
        Span<byte> buffer = stackalloc byte[8 * (FeatureNames.Count + 3)];
        for (var r = 0; r < end; r++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(buffer, set.Dates[r].DayNumber);
            var row = set.Row(r);
            for (var i = 0; i < FeatureNames.Count; i++) BinaryPrimitives.WriteDoubleLittleEndian(buffer[(8 * (i + 1))..], row[i]);
            BinaryPrimitives.WriteDoubleLittleEndian(buffer[(8 * (FeatureNames.Count + 1))..], set.Rv5d[r]);
            BinaryPrimitives.WriteDoubleLittleEndian(buffer[(8 * (FeatureNames.Count + 2))..], set.Ret5d[r]);
            sha.AppendData(buffer);
        }
    }
}
