using System.Globalization;

namespace MlRisk.Core.Contracts;

/// <summary>
/// The values each of the 14 features can take in a real market (DESIGN §3), checked by the features_daily
/// contract on every write and read and by POST /predict on every request, so a forecast is only ever made
/// for inputs the lake would accept. Every bound is finite: a finite but absurd input such as 1e308 must be
/// refused, not turned into an infinite forecast.
/// </summary>
public static class FeatureDomain
{
    /// <summary>
    /// How far vix_term may be from vix3m / vix, relative: a caller that rounds the three values to two decimals
    /// (e.g. 17.9 / 15.5 sent as 1.15) is about 0.5 % off; a vix_term that belongs to other closes is further.
    /// </summary>
    public const double VixTermTolerance = 0.01;

    /// <summary>The consistency rule's name, the same for every row so a lake report groups its failures.</summary>
    public static readonly string VixTermRule =
        string.Create(CultureInfo.InvariantCulture, $"equals vix3m / vix within {VixTermTolerance:P0}");

    private static readonly double MaxRet = ReturnBounds.Traded;

    /// <summary>One bound per feature, in <see cref="FeatureNames.All"/> order.</summary>
    /// <remarks>
    /// Multi-day returns and vols follow from the daily bound: n returns each under 0.5 in size sum to under
    /// 0.5·n, and their root sum of squares stays under 0.5·√n. The spread is the difference of two such returns.
    /// vix_term's own bound is wide (VIX3M / VIX has stayed within 0.5–1.5 since 2007); its real check is the
    /// consistency with vix and vix3m.
    /// </remarks>
    public static readonly IReadOnlyList<FeatureBound> Bounds =
    [
        FeatureBound.Open(FeatureNames.SpyRet1d, -MaxRet, MaxRet),
        FeatureBound.Open(FeatureNames.SpyRet5d, -5 * MaxRet, 5 * MaxRet),
        FeatureBound.Open(FeatureNames.SpyRet20d, -20 * MaxRet, 20 * MaxRet),
        FeatureBound.ClosedOpen(FeatureNames.SpyVol5d, 0, MaxRet * Math.Sqrt(5)),
        FeatureBound.ClosedOpen(FeatureNames.SpyVol10d, 0, MaxRet * Math.Sqrt(10)),
        FeatureBound.ClosedOpen(FeatureNames.SpyVol20d, 0, MaxRet * Math.Sqrt(20)),
        FeatureBound.ClosedOpen(FeatureNames.Drawdown60d, 0, 1),
        FeatureBound.Open(FeatureNames.Vix, 0, 200),
        FeatureBound.Open(FeatureNames.Vix3m, 0, 200),
        FeatureBound.Open(FeatureNames.VixTerm, 0.1, 10),
        FeatureBound.Closed(FeatureNames.RsiSpy14, 0, 100),
        FeatureBound.Closed(FeatureNames.CorrSpyTlt20d, -1, 1),
        FeatureBound.Closed(FeatureNames.CorrSpyHyg20d, -1, 1),
        FeatureBound.Open(FeatureNames.HygTltSpread, -2 * MaxRet, 2 * MaxRet),
    ];

    private static readonly int VixIndex = FeatureNames.IndexOf(FeatureNames.Vix);
    private static readonly int Vix3mIndex = FeatureNames.IndexOf(FeatureNames.Vix3m);
    private static readonly int VixTermIndex = FeatureNames.IndexOf(FeatureNames.VixTerm);

    /// <summary>Adds one violation per value outside its bound, then the vix_term consistency when its three inputs are in bounds.</summary>
    /// <param name="values">The 14 features in <see cref="FeatureNames.All"/> order.</param>
    public static void Check(ReadOnlySpan<double> values, ICollection<FeatureViolation> violations)
    {
        if (values.Length != FeatureNames.Count)
        {
            throw new ArgumentException($"a feature vector has {FeatureNames.Count} values, not {values.Length}", nameof(values));
        }
        var inBounds = true;
        for (var f = 0; f < FeatureNames.Count; f++)
        {
            var bound = Bounds[f];
            if (bound.Contains(values[f])) continue;
            violations.Add(new FeatureViolation(bound.Feature, values[f], "in " + bound.Allowed, bound.Allowed));
            if (f == VixIndex || f == Vix3mIndex || f == VixTermIndex) inBounds = false;
        }
        if (!inBounds) return;

        var expected = values[Vix3mIndex] / values[VixIndex];
        var term = values[VixTermIndex];
        if (Math.Abs(term - expected) > VixTermTolerance * expected)
        {
            var allowed = string.Create(CultureInfo.InvariantCulture,
                $"[{expected * (1 - VixTermTolerance):G6}, {expected * (1 + VixTermTolerance):G6}]");
            violations.Add(new FeatureViolation(FeatureNames.VixTerm, term, VixTermRule, allowed));
        }
    }

    /// <summary>The violations of one vector, empty when every value is in its domain.</summary>
    public static IReadOnlyList<FeatureViolation> Check(ReadOnlySpan<double> values)
    {
        var violations = new List<FeatureViolation>();
        Check(values, violations);
        return violations;
    }
}
