namespace MlRisk.Core.Modeling.LightGbm;

/// <summary>
/// A LightGBM training set: a dense row-major matrix of features, the label and optionally an initial score
/// (the raw prediction boosting starts from). Owns native memory: dispose it once the booster is trained.
/// </summary>
public sealed class LightGbmDataset : IDisposable
{
    internal DatasetHandle Handle { get; }

    public int Rows { get; }
    public int Columns { get; }

    /// <param name="rowMajor">rows × columns values, row after row.</param>
    /// <param name="label">one target per row.</param>
    /// <param name="initScore">one starting raw score per row, or null to let LightGBM start from the label mean.</param>
    /// <param name="parameters">the booster's parameters: binning must match training.</param>
    /// <param name="featureNames">column names written into the model text, or null for LightGBM's Column_0, Column_1, ….</param>
    public unsafe LightGbmDataset(
        ReadOnlySpan<double> rowMajor, int columns, ReadOnlySpan<double> label, ReadOnlySpan<double> initScore,
        BoosterParameters parameters, IReadOnlyList<string>? featureNames = null)
    {
        if (columns <= 0) throw new ArgumentOutOfRangeException(nameof(columns), columns, "a dataset needs at least one column");
        if (rowMajor.Length == 0 || rowMajor.Length % columns != 0)
        {
            throw new ArgumentException(
                $"the matrix holds {rowMajor.Length} values, which is not a positive multiple of {columns} columns", nameof(rowMajor));
        }
        Rows = rowMajor.Length / columns;
        Columns = columns;
        if (label.Length != Rows) throw new ArgumentException($"{label.Length} labels for {Rows} rows", nameof(label));
        if (featureNames is not null && featureNames.Count != columns)
        {
            throw new ArgumentException($"{featureNames.Count} feature names for {columns} columns", nameof(featureNames));
        }
        if (initScore.Length != 0 && initScore.Length != Rows)
        {
            throw new ArgumentException($"{initScore.Length} initial scores for {Rows} rows", nameof(initScore));
        }

        DatasetHandle handle;
        fixed (double* data = rowMajor)
        {
            NativeMethods.Check(
                NativeMethods.LGBM_DatasetCreateFromMat(
                    data, NativeMethods.DTypeFloat64, Rows, Columns, 1, parameters.ToLightGbmString(), IntPtr.Zero, out handle),
                "DatasetCreateFromMat");
        }
        Handle = handle;
        try
        {
            // LightGBM stores labels as float32 and initial scores as float64.
            var label32 = new float[Rows];
            for (var i = 0; i < Rows; i++) label32[i] = (float)label[i];
            fixed (float* labelData = label32)
            {
                NativeMethods.Check(
                    NativeMethods.LGBM_DatasetSetField(Handle, "label", labelData, Rows, NativeMethods.DTypeFloat32),
                    "DatasetSetField(label)");
            }
            if (featureNames is not null)
            {
                NativeMethods.Check(
                    NativeMethods.LGBM_DatasetSetFeatureNames(Handle, [.. featureNames], featureNames.Count), "DatasetSetFeatureNames");
            }
            if (initScore.Length != 0)
            {
                fixed (double* scoreData = initScore)
                {
                    NativeMethods.Check(
                        NativeMethods.LGBM_DatasetSetField(Handle, "init_score", scoreData, Rows, NativeMethods.DTypeFloat64),
                        "DatasetSetField(init_score)");
                }
            }
        }
        catch
        {
            Handle.Dispose();
            throw;
        }
    }

    public void Dispose() => Handle.Dispose();
}
