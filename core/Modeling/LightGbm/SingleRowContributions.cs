using System.Collections.Concurrent;

namespace MlRisk.Core.Modeling.LightGbm;

/// <summary>
/// TreeSHAP of one row at a time, the /predict path, from several booster copies (one per core for the served
/// model). LightGBM serializes single-row predictions on a lock per booster (Booster::PredictSingleRow takes a
/// unique lock), so with a single booster concurrent requests would be explained one after another. A call takes
/// an idle copy; only when all are busy does it queue on one. Each copy also holds a FastConfig, so the prediction
/// parameters are parsed once, not on every call.
/// </summary>
internal sealed class SingleRowContributions : IDisposable
{
    private readonly BoosterHandle[] _boosters;
    private readonly FastConfigHandle[] _configs;
    private readonly ConcurrentBag<FastConfigHandle> _idle;
    private readonly int _featureCount;
    private int _next;

    public SingleRowContributions(string modelText, int featureCount, int copies, string parameters)
    {
        _featureCount = featureCount;
        _boosters = new BoosterHandle[copies];
        _configs = new FastConfigHandle[copies];
        try
        {
            for (var i = 0; i < copies; i++)
            {
                NativeMethods.Check(
                    NativeMethods.LGBM_BoosterLoadModelFromString(modelText, out _, out _boosters[i]), "BoosterLoadModelFromString");
                NativeMethods.Check(
                    NativeMethods.LGBM_BoosterPredictForMatSingleRowFastInit(
                        _boosters[i], NativeMethods.PredictContrib, 0, -1, NativeMethods.DTypeFloat64, featureCount, parameters,
                        out _configs[i]),
                    "BoosterPredictForMatSingleRowFastInit");
            }
        }
        catch
        {
            Dispose();
            throw;
        }
        _idle = [.. _configs];
    }

    /// <summary>The row's <c>featureCount</c> contributions followed by the expected value.</summary>
    public double[] Predict(ReadOnlySpan<double> row)
    {
        if (!_idle.TryTake(out var config))
        {
            return Predict(_configs[(uint)Interlocked.Increment(ref _next) % (uint)_configs.Length], row);
        }
        try
        {
            return Predict(config, row);
        }
        finally
        {
            _idle.Add(config);
        }
    }

    private unsafe double[] Predict(FastConfigHandle config, ReadOnlySpan<double> row)
    {
        var result = new double[_featureCount + 1];
        long written;
        fixed (double* data = row)
        fixed (double* output = result)
        {
            NativeMethods.Check(
                NativeMethods.LGBM_BoosterPredictForMatSingleRowFast(config, data, out written, output),
                "BoosterPredictForMatSingleRowFast");
        }
        if (written != result.Length)
        {
            throw new LightGbmException($"LightGBM BoosterPredictForMatSingleRowFast wrote {written} values, expected {result.Length}");
        }
        return result;
    }

    public void Dispose()
    {
        foreach (var config in _configs) config?.Dispose();
        foreach (var booster in _boosters) booster?.Dispose();
    }
}
