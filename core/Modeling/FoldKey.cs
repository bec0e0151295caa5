using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MlRisk.Core.Modeling;

/// <summary>
/// What a walk-forward fold's predictions are a function of: the model definition, every setting that reaches a fit,
/// the fold's bounds, and the rows it reads ([0, TestEnd): training rows, purge and test block; dates, features,
/// rv_5d and ret_5d as little-endian bits). The same key means the same predictions, bit for bit, so a stored fold
/// can stand in for a recomputed one.
/// </summary>
public static class FoldKey
{
    public static string Compute(TrainingSet set, WalkForwardFold fold, string settingsIdentity)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{ModelMetadata.Definition}|{settingsIdentity}|{fold.TrainEnd}|{fold.TestStart}|{fold.TestEnd}|")));
        TrainingFingerprint.AppendRows(sha, set, fold.TestEnd);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
