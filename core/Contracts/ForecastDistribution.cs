using System.Text.Json.Serialization;

namespace MlRisk.Core.Contracts;

/// <summary>
/// The predictive distribution of rv_5d(t) for one date (5-day, not annualized) and every number the product derives
/// from it: the mean (the RMSE-optimal point, <c>rv_5d_hat</c>), the second moment E[rv_5d²] (the QLIKE-optimal
/// variance forecast, <c>var_5d_hat</c>), five quantiles, the probabilities of the four regimes of
/// <see cref="Regimes"/>, and the 95 % / 99 % value at risk and expected shortfall of SPY's 5-session log
/// return R5(t) = r(t+1) + … + r(t+5), as positive losses.
/// </summary>
public sealed record ForecastDistribution(
    [property: JsonPropertyName("rv_5d_hat")] double Rv5dHat,
    [property: JsonPropertyName("var_5d_hat")] double Var5dHat,
    [property: JsonPropertyName("rv_5d_q05")] double Q05,
    [property: JsonPropertyName("rv_5d_q10")] double Q10,
    [property: JsonPropertyName("rv_5d_q50")] double Q50,
    [property: JsonPropertyName("rv_5d_q90")] double Q90,
    [property: JsonPropertyName("rv_5d_q95")] double Q95,
    [property: JsonPropertyName("p_calm")] double PCalm,
    [property: JsonPropertyName("p_normal")] double PNormal,
    [property: JsonPropertyName("p_elevated")] double PElevated,
    [property: JsonPropertyName("p_stressed")] double PStressed,
    [property: JsonPropertyName("var95_5d")] double Var95,
    [property: JsonPropertyName("var99_5d")] double Var99,
    [property: JsonPropertyName("es95_5d")] double Es95,
    [property: JsonPropertyName("es99_5d")] double Es99)
{
    /// <summary>
    /// The column name of each number, in <see cref="Values"/> order: the names of predictions_daily and
    /// cv_predictions.parquet (DESIGN §3), the API's and the dashboard's.
    /// </summary>
    public static readonly IReadOnlyList<string> ColumnNames =
    [
        "rv_5d_hat", "var_5d_hat", "rv_5d_q05", "rv_5d_q10", "rv_5d_q50", "rv_5d_q90", "rv_5d_q95",
        "p_calm", "p_normal", "p_elevated", "p_stressed", "var95_5d", "var99_5d", "es95_5d", "es99_5d",
    ];

    /// <summary>The regime probabilities in <see cref="Regimes.Names"/> order.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> RegimeProbabilities => [PCalm, PNormal, PElevated, PStressed];

    /// <summary>The regime probabilities by regime name: the API's <c>regime_probs</c>.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, double> RegimeProbabilitiesByName => new Dictionary<string, double>
    {
        [Regimes.Calm] = PCalm, [Regimes.Normal] = PNormal, [Regimes.Elevated] = PElevated, [Regimes.Stressed] = PStressed,
    };

    /// <summary>Every number in <see cref="ColumnNames"/> order.</summary>
    [JsonIgnore]
    public IReadOnlyList<double> Values => [.. Enumerable.Range(0, ColumnNames.Count).Select(ValueOf)];

    /// <summary>Whether every number is finite: what a forecast must be before it is stored or answered.</summary>
    [JsonIgnore]
    public bool AllFinite
    {
        get
        {
            for (var c = 0; c < ColumnNames.Count; c++)
            {
                if (!double.IsFinite(ValueOf(c))) return false;
            }
            return true;
        }
    }

    /// <summary>The number of column <paramref name="column"/> of <see cref="ColumnNames"/>, without building the whole list.</summary>
    public double ValueOf(int column) => column switch
    {
        0 => Rv5dHat, 1 => Var5dHat, 2 => Q05, 3 => Q10, 4 => Q50, 5 => Q90, 6 => Q95,
        7 => PCalm, 8 => PNormal, 9 => PElevated, 10 => PStressed, 11 => Var95, 12 => Var99, 13 => Es95, 14 => Es99,
        _ => throw new ArgumentOutOfRangeException(nameof(column), column, $"a forecast distribution has {ColumnNames.Count} columns"),
    };

    /// <summary>The distribution from its numbers in <see cref="ColumnNames"/> order.</summary>
    public static ForecastDistribution FromValues(IReadOnlyList<double> v)
    {
        if (v.Count != ColumnNames.Count) throw new ArgumentException($"a forecast distribution has {ColumnNames.Count} numbers, got {v.Count}", nameof(v));
        return new(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12], v[13], v[14]);
    }
}
