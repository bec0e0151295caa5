using System.Globalization;
using System.Text;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// How well the predictive distributions of the walk-forward match what happened, each number on its own scoring
/// rule: coverage of the 80 % (q10–q90) and 90 % (q05–q95) intervals with their mean interval scores (Gneiting &amp;
/// Raftery 2007) against intervals of constant log width; the ranked probability score of the regime probabilities
/// against each fold's climatology, with the regimes' reliability diagrams; and the 95 % / 99 % VaR backtested on
/// non-overlapping 5-session windows. <see cref="Reliability"/> is null in the metadata of a model trained before it was added.
/// </summary>
public sealed record CalibrationTable(
    int Rows,
    double Coverage80,
    double Coverage90,
    double IntervalScore80,
    double IntervalScore90,
    double ConstantWidthIntervalScore80,
    double ConstantWidthIntervalScore90,
    double RankedProbabilityScore,
    double ClimatologyRankedProbabilityScore,
    double RankedProbabilityImprovement,
    IReadOnlyList<int> PitHistogram,
    VarBacktest Var95,
    VarBacktest Var99,
    IReadOnlyList<RegimeReliability>? Reliability)
{
    /// <summary>The fewest rows scored: the VaR backtest needs two non-overlapping 5-session windows.</summary>
    public const int MinimumRows = 6;

    /// <summary>How many equal bins the PIT histogram has (tenths of probability).</summary>
    public const int PitBins = 10;

    public static CalibrationTable Score(IReadOnlyList<OutOfSamplePrediction> predictions, IReadOnlyList<double> regimeCuts)
    {
        if (predictions.Count < MinimumRows)
        {
            throw new ArgumentException(
                $"calibration needs at least {MinimumRows} out-of-sample rows (two 5-session windows for the VaR backtest), got {predictions.Count}", nameof(predictions));
        }
        int inside80 = 0, inside90 = 0;
        double score80 = 0, score90 = 0, constant80 = 0, constant90 = 0, rps = 0, climatologyRps = 0;
        var pit = new int[PitBins];
        foreach (var p in predictions)
        {
            var d = p.Distribution;
            var y = p.Realized;
            if (y >= d.Q10 && y <= d.Q90) inside80++;
            if (y >= d.Q05 && y <= d.Q95) inside90++;
            score80 += IntervalScore(d.Q10, d.Q90, y, 0.20);
            score90 += IntervalScore(d.Q05, d.Q95, y, 0.10);
            constant80 += IntervalScore(p.Reference.ConstantQ10, p.Reference.ConstantQ90, y, 0.20);
            constant90 += IntervalScore(p.Reference.ConstantQ05, p.Reference.ConstantQ95, y, 0.10);
            var outcome = Regimes.Of(y, regimeCuts);
            rps += Rps(d.RegimeProbabilities, outcome);
            climatologyRps += Rps(p.Reference.Climatology, outcome);
            pit[Math.Min(PitBins - 1, (int)(p.Pit * PitBins))]++;
        }
        var n = predictions.Count;

        // One window in five: R5 of consecutive dates share four returns, and the tests assume independent trials.
        var exceeded95 = new List<bool>();
        var exceeded99 = new List<bool>();
        for (var i = 0; i < n; i += 5)
        {
            var loss = -predictions[i].RealizedReturn;
            exceeded95.Add(loss > predictions[i].Distribution.Var95);
            exceeded99.Add(loss > predictions[i].Distribution.Var99);
        }

        return new CalibrationTable(
            n, (double)inside80 / n, (double)inside90 / n, score80 / n, score90 / n, constant80 / n, constant90 / n,
            // A climatology with no spread (every row in one regime) scores 0 and leaves nothing to improve on.
            rps / n, climatologyRps / n, climatologyRps > 0 ? 1.0 - rps / climatologyRps : 0.0, pit,
            VarBacktest.Of(0.95, exceeded95), VarBacktest.Of(0.99, exceeded99), RegimeReliability.Of(predictions, regimeCuts));
    }

    /// <summary>The interval score of a central (1 − α) interval [l, u]: its width plus 2/α times any miss.</summary>
    public static double IntervalScore(double lower, double upper, double y, double alpha) =>
        upper - lower + 2.0 / alpha * (Math.Max(lower - y, 0) + Math.Max(y - upper, 0));

    /// <summary>Σ over the first K − 1 regimes of (cumulative forecast − cumulative outcome)².</summary>
    public static double Rps(IReadOnlyList<double> probabilities, int outcome)
    {
        double cumulative = 0, score = 0;
        for (var k = 0; k < probabilities.Count - 1; k++)
        {
            cumulative += probabilities[k];
            var observed = k >= outcome ? 1.0 : 0.0;
            score += (cumulative - observed) * (cumulative - observed);
        }
        return score;
    }

    /// <summary>A fixed-width table for logs, test output and the run summary.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"calibration over {Rows} out-of-sample rows").AppendLine();
        text.Append(CultureInfo.InvariantCulture,
            $"coverage  80 %: {Coverage80:P1}   90 %: {Coverage90:P1}").AppendLine();
        text.Append(CultureInfo.InvariantCulture,
            $"interval score 80 %: {IntervalScore80:F5} vs constant width {ConstantWidthIntervalScore80:F5}; 90 %: {IntervalScore90:F5} vs {ConstantWidthIntervalScore90:F5}").AppendLine();
        text.Append(CultureInfo.InvariantCulture,
            $"regime RPS {RankedProbabilityScore:F4} vs climatology {ClimatologyRankedProbabilityScore:F4} ({RankedProbabilityImprovement:P1} better)").AppendLine();
        foreach (var v in new[] { Var95, Var99 })
        {
            text.Append(CultureInfo.InvariantCulture,
                $"VaR {v.Level:P0}: {v.Exceedances} exceedances in {v.Windows} windows ({v.ExceedanceRate:P1}), Kupiec p {v.KupiecP:F3}, Christoffersen p {v.ChristoffersenP:F3}").AppendLine();
        }
        return text.ToString();
    }
}
