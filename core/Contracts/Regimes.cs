namespace MlRisk.Core.Contracts;

/// <summary>
/// The four regimes of the realized outcome (annualized rv_5d·√(252/5)), so a forecast's probabilities can be
/// checked against what happened: below the first cut calm, then normal, elevated, and stressed from the last cut.
/// </summary>
public static class Regimes
{
    public const string Calm = "calm";
    public const string Normal = "normal";
    public const string Elevated = "elevated";
    public const string Stressed = "stressed";

    public static readonly IReadOnlyList<string> Names = [Calm, Normal, Elevated, Stressed];

    /// <summary>Default cut points of annualized volatility: 12 %, 20 %, 30 %.</summary>
    public static readonly IReadOnlyList<double> DefaultCuts = [0.12, 0.20, 0.30];

    /// <summary>The regime index (0 calm … 3 stressed) of a realized rv_5d.</summary>
    public static int Of(double rv5d, IReadOnlyList<double> cuts)
    {
        var annualized = Annualization.Annualize(rv5d);
        var k = 0;
        while (k < cuts.Count && annualized >= cuts[k]) k++;
        return k;
    }
}
