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
    public HarKind Kind { get; }
    public IReadOnlyList<double> Coefficients { get; }
    public double Floor { get; }

    private HarModel(HarKind kind, double[] coefficients, double floor)
    {
        Kind = kind;
        Coefficients = coefficients;
        Floor = floor;
    }

    /// <summary>A fitted benchmark as stored in a model's metadata.</summary>
    public static HarModel FromCoefficients(HarKind kind, IReadOnlyList<double> coefficients, double floor)
    {
        if (coefficients.Count != RegressorCount(kind))
        {
            throw new ArgumentException($"{kind} has {RegressorCount(kind)} coefficients, got {coefficients.Count}", nameof(coefficients));
        }
        return new HarModel(kind, [.. coefficients], floor);
    }

    public static int RegressorCount(HarKind kind) => kind == HarKind.HarRv ? HarRegressors.HarRv : HarRegressors.HarX;

    /// <summary>Writes the regressors (intercept first) of one feature vector into <paramref name="regressors"/>.</summary>
    public static void Regressors(HarKind kind, ReadOnlySpan<double> features, Span<double> regressors) =>
        HarRegressors.Write(features, regressors[..RegressorCount(kind)]);

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
