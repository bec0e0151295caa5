using System.Runtime.InteropServices;

namespace MlRisk.Core.Modeling.LightGbm;

/// <summary>
/// LightGBM's C API (include/LightGBM/c_api.h, 4.x) as shipped in the LightGBM NuGet package's lib_lightgbm.
/// Every function returns 0 on success and -1 on failure; <see cref="Check"/> turns a failure into a
/// <see cref="LightGbmException"/> with LGBM_GetLastError's message.
/// </summary>
internal static partial class NativeMethods
{
    private const string Library = "lib_lightgbm";

    public const int DTypeFloat32 = 0;
    public const int DTypeFloat64 = 1;

    public const int PredictNormal = 0;
    public const int PredictRawScore = 1;
    public const int PredictContrib = 3;

    public const int FeatureImportanceSplit = 0;

    [LibraryImport(Library)]
    private static partial IntPtr LGBM_GetLastError();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_DatasetCreateFromMat(
        double* data, int dataType, int nrow, int ncol, int isRowMajor, string parameters, IntPtr reference,
        out DatasetHandle handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_DatasetSetField(
        DatasetHandle handle, string fieldName, void* fieldData, int numElement, int type);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_DatasetSetFeatureNames(DatasetHandle handle, string[] featureNames, int numFeatureNames);

    [LibraryImport(Library)]
    public static partial int LGBM_DatasetFree(IntPtr handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterCreate(DatasetHandle trainData, string parameters, out BoosterHandle handle);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterUpdateOneIter(BoosterHandle handle, out int isFinished);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterGetNumFeature(BoosterHandle handle, out int numFeatures);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterGetCurrentIteration(BoosterHandle handle, out int iteration);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_BoosterPredictForMat(
        BoosterHandle handle, double* data, int dataType, int nrow, int ncol, int isRowMajor, int predictType,
        int startIteration, int numIteration, string parameter, out long outLength, double* outResult);

    /// <summary>One row through the booster's cached single-row predictor (no predictor built per call).</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_BoosterPredictForMatSingleRow(
        BoosterHandle handle, double* data, int dataType, int ncol, int isRowMajor, int predictType,
        int startIteration, int numIteration, string parameter, out long outLength, double* outResult);

    /// <summary>Parses the prediction parameters once, for repeated <see cref="LGBM_BoosterPredictForMatSingleRowFast"/> calls.</summary>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterPredictForMatSingleRowFastInit(
        BoosterHandle handle, int predictType, int startIteration, int numIteration, int dataType, int ncol, string parameter,
        out FastConfigHandle fastConfig);

    [LibraryImport(Library)]
    public static unsafe partial int LGBM_BoosterPredictForMatSingleRowFast(
        FastConfigHandle fastConfig, double* data, out long outLength, double* outResult);

    [LibraryImport(Library)]
    public static partial int LGBM_FastConfigFree(IntPtr fastConfig);

    [LibraryImport(Library)]
    public static unsafe partial int LGBM_BoosterSaveModelToString(
        BoosterHandle handle, int startIteration, int numIteration, int featureImportanceType, long bufferLength,
        out long outLength, byte* outString);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterLoadModelFromString(string model, out int numIterations, out BoosterHandle handle);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterFree(IntPtr handle);

    /// <summary>Throws when a C API call failed, with LightGBM's own message and the call that failed.</summary>
    public static void Check(int result, string call)
    {
        if (result == 0) return;
        var message = Marshal.PtrToStringUTF8(LGBM_GetLastError()) ?? "no message";
        throw new LightGbmException($"LightGBM {call} failed: {message}");
    }
}
