using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// A HAR benchmark fitted by OLS on rv_5d levels, horizon-matched:
/// HAR-RV  rv5(t) = b0 + b1 |r1(t)| sqrt(5) + b2 vol5(t) + b3 vol20(t) sqrt(5/20),
/// HAR-X   adds b4 vix(t)/100 sqrt(5/252) + b5 vix_term(t).
/// A linear forecast can dip below zero where QLIKE is undefined, so forecasts are floored at the
/// smallest rv_5d seen in training: a forecast below anything ever realized is not credible.
/// </summary>
public sealed class HarModel
{
    private static readonly int Ret1 = FeatureNames.IndexOf(FeatureNames.SpyRet1d);
    private static readonly int Vol5 = FeatureNames.IndexOf(FeatureNames.SpyVol5d);
    private static readonly int Vol20 = FeatureNames.IndexOf(FeatureNames.SpyVol20d);
    private static readonly int Vix = FeatureNames.IndexOf(FeatureNames.Vix);
    private static readonly int VixTerm = FeatureNames.IndexOf(FeatureNames.VixTerm);
    private static readonly double Sqrt5 = Math.Sqrt(5.0);
    private static readonly double VixScale = Math.Sqrt(5.0 / 252.0) / 100.0;

    public HarKind Kind { get; }
    public IReadOnlyList<double> Coefficients { get; }
    public double Floor { get; }

    private HarModel(HarKind kind, double[] coefficients, double floor)
    {
        Kind = kind;
        Coefficients = coefficients;
        Floor = floor;
    }

    public static int RegressorCount(HarKind kind) => kind == HarKind.HarRv ? 4 : 6;

    /// <summary>Writes the regressors (intercept first) of one feature vector into <paramref name="regressors"/>.</summary>
    public static void Regressors(HarKind kind, ReadOnlySpan<double> features, Span<double> regressors)
    {
        regressors[0] = 1.0;
        regressors[1] = Math.Abs(features[Ret1]) * Sqrt5;
        regressors[2] = features[Vol5];
        regressors[3] = features[Vol20] * Baseline.HorizonScale;
        if (kind == HarKind.HarX)
        {
            regressors[4] = features[Vix] * VixScale;
            regressors[5] = features[VixTerm];
        }
    }

    /// <param name="features">row-major feature vectors, <see cref="FeatureNames.Count"/> per row.</param>
    /// <param name="rv5d">the realized rv_5d of each row.</param>
    public static HarModel Fit(HarKind kind, ReadOnlySpan<double> features, ReadOnlySpan<double> rv5d)
    {
        var columns = RegressorCount(kind);
        var rows = rv5d.Length;
        var design = new double[rows * columns];
        var floor = double.PositiveInfinity;
        for (var r = 0; r < rows; r++)
        {
            Regressors(kind, features.Slice(r * FeatureNames.Count, FeatureNames.Count), design.AsSpan(r * columns, columns));
            if (rv5d[r] > 0.0 && rv5d[r] < floor) floor = rv5d[r];
        }
        if (double.IsPositiveInfinity(floor)) throw new ArgumentException("HAR fit needs at least one positive rv_5d");
        return new HarModel(kind, OrdinaryLeastSquares.Fit(design, columns, rv5d), floor);
    }

    public double Forecast(ReadOnlySpan<double> features)
    {
        Span<double> regressors = stackalloc double[6];
        var count = RegressorCount(Kind);
        Regressors(Kind, features, regressors);
        var forecast = 0.0;
        for (var i = 0; i < count; i++) forecast += Coefficients[i] * regressors[i];
        return Math.Max(forecast, Floor);
    }
}
