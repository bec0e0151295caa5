using System.Globalization;
using System.Text;

namespace MlRisk.Core.Modeling.LightGbm;

/// <summary>
/// A trained LightGBM gradient-boosted tree model behind LightGBM's C API. Owns native memory: dispose it.
/// Prediction is thread-safe in LightGBM; training happens once, in <see cref="Train"/>.
/// </summary>
public sealed class Booster : IDisposable
{
    private readonly BoosterHandle handle;
    private readonly string predictParameters;
    private readonly SingleRowContributions? rowContributions;

    public int FeatureCount { get; }

    private Booster(BoosterHandle handle, int threads, string? modelText = null, int singleRowCopies = 0)
    {
        this.handle = handle;
        predictParameters = "num_threads=" + threads.ToString(CultureInfo.InvariantCulture);
        NativeMethods.Check(NativeMethods.LGBM_BoosterGetNumFeature(handle, out var features), "BoosterGetNumFeature");
        FeatureCount = features;
        if (singleRowCopies > 0) rowContributions = new SingleRowContributions(modelText!, FeatureCount, singleRowCopies, predictParameters);
    }

    /// <summary>Trains <see cref="BoosterParameters.Iterations"/> rounds (fewer when no split improves any more).</summary>
    public static Booster Train(LightGbmDataset data, BoosterParameters parameters)
    {
        NativeMethods.Check(
            NativeMethods.LGBM_BoosterCreate(data.Handle, parameters.ToLightGbmString(), out var handle), "BoosterCreate");
        try
        {
            for (var i = 0; i < parameters.Iterations; i++)
            {
                NativeMethods.Check(NativeMethods.LGBM_BoosterUpdateOneIter(handle, out var finished), "BoosterUpdateOneIter");
                if (finished != 0) break;
            }
            return new Booster(handle, parameters.Threads);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Loads a model saved by <see cref="SaveToString"/> (LightGBM's text model format).</summary>
    /// <param name="singleRowCopies">
    /// For a model that serves one row at a time to concurrent callers (/predict): that many more copies of it,
    /// which one-row <see cref="PredictContributions"/> calls share (see <see cref="SingleRowContributions"/>).
    /// 0 for every other use: its one-row calls go through this booster's own single-row predictor.
    /// </param>
    public static Booster LoadFromString(string model, int threads = 1, int singleRowCopies = 0)
    {
        NativeMethods.Check(NativeMethods.LGBM_BoosterLoadModelFromString(model, out _, out var handle), "BoosterLoadModelFromString");
        try
        {
            return new Booster(handle, threads, model, singleRowCopies);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Boosting rounds in the model.</summary>
    public int Iterations
    {
        get
        {
            NativeMethods.Check(NativeMethods.LGBM_BoosterGetCurrentIteration(handle, out var iterations), "BoosterGetCurrentIteration");
            return iterations;
        }
    }

    /// <summary>LightGBM's text model format: trees, feature names and training parameters. No timestamps.</summary>
    public unsafe string SaveToString()
    {
        NativeMethods.Check(
            NativeMethods.LGBM_BoosterSaveModelToString(handle, 0, -1, NativeMethods.FeatureImportanceSplit, 0, out var length, null),
            "BoosterSaveModelToString");
        var buffer = new byte[length];
        fixed (byte* text = buffer)
        {
            NativeMethods.Check(
                NativeMethods.LGBM_BoosterSaveModelToString(
                    handle, 0, -1, NativeMethods.FeatureImportanceSplit, length, out length, text),
                "BoosterSaveModelToString");
        }
        // The length counts the terminating NUL.
        return Encoding.UTF8.GetString(buffer, 0, (int)length - 1);
    }

    /// <summary>
    /// The raw score (sum of tree outputs, no initial score) of each row of a row-major matrix, using the first
    /// <paramref name="iterations"/> boosting rounds (all when not positive).
    /// </summary>
    public double[] PredictRaw(ReadOnlySpan<double> rowMajor, int iterations = -1) =>
        Predict(rowMajor, NativeMethods.PredictRawScore, 1, iterations);

    /// <summary>
    /// Exact TreeSHAP contributions: per row, <see cref="FeatureCount"/> feature contributions followed by the
    /// expected value; each row's contributions plus expected value equal its raw score.
    /// </summary>
    public double[] PredictContributions(ReadOnlySpan<double> rowMajor) =>
        rowContributions is { } copies && rowMajor.Length == FeatureCount
            ? copies.Predict(rowMajor)
            : Predict(rowMajor, NativeMethods.PredictContrib, FeatureCount + 1, -1);

    private unsafe double[] Predict(ReadOnlySpan<double> rowMajor, int predictType, int outputsPerRow, int iterations)
    {
        if (rowMajor.Length == 0 || rowMajor.Length % FeatureCount != 0)
        {
            throw new ArgumentException(
                $"the matrix holds {rowMajor.Length} values, which is not a positive multiple of the model's {FeatureCount} features",
                nameof(rowMajor));
        }
        var rows = rowMajor.Length / FeatureCount;
        var result = new double[rows * outputsPerRow];
        long written;
        fixed (double* data = rowMajor)
        fixed (double* output = result)
        {
            // A single row goes through LightGBM's cached single-row predictor: building a predictor per call
            // costs more than the row's TreeSHAP itself.
            NativeMethods.Check(
                rows == 1
                    ? NativeMethods.LGBM_BoosterPredictForMatSingleRow(
                        handle, data, NativeMethods.DTypeFloat64, FeatureCount, 1, predictType, 0, iterations,
                        predictParameters, out written, output)
                    : NativeMethods.LGBM_BoosterPredictForMat(
                        handle, data, NativeMethods.DTypeFloat64, rows, FeatureCount, 1, predictType, 0, iterations,
                        predictParameters, out written, output),
                rows == 1 ? "BoosterPredictForMatSingleRow" : "BoosterPredictForMat");
        }
        if (written != result.Length)
        {
            throw new LightGbmException($"LightGBM BoosterPredictForMat wrote {written} values, expected {result.Length}");
        }
        return result;
    }

    public void Dispose()
    {
        rowContributions?.Dispose();
        handle.Dispose();
    }
}
