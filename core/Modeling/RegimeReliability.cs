using MlRisk.Core.Contracts;

namespace MlRisk.Core.Modeling;

/// <summary>
/// How often one regime came when it was forecast with a given probability (a reliability diagram): the out-of-sample
/// dates in <see cref="BinCount"/> equal bins of the regime's forecast probability, each bin with its mean forecast and
/// the fraction of its dates whose realized rv_5d fell in the regime; calibrated bins lie on the diagonal. Consecutive
/// dates share four of their five returns, so a bin's frequency is noisier than its count of dates suggests.
/// </summary>
public sealed record RegimeReliability(string Regime, double MeanForecast, double ObservedFrequency, IReadOnlyList<ReliabilityBin> Bins)
{
    /// <summary>Bins of forecast probability: fifths, [0, 0.2) … [0.8, 1].</summary>
    public const int BinCount = 5;

    /// <summary>One diagram per regime, in <see cref="Regimes.Names"/> order; only bins holding a date are listed.</summary>
    public static IReadOnlyList<RegimeReliability> Of(IReadOnlyList<OutOfSamplePrediction> predictions, IReadOnlyList<double> regimeCuts)
    {
        var regimes = Regimes.Names.Count;
        var forecast = new double[regimes, BinCount];
        var came = new int[regimes, BinCount];
        var dates = new int[regimes, BinCount];
        // One pass over the dates: RegimeProbabilities builds its list on every read.
        foreach (var prediction in predictions)
        {
            var outcome = Regimes.Of(prediction.Realized, regimeCuts);
            var probabilities = prediction.Distribution.RegimeProbabilities;
            for (var k = 0; k < regimes; k++)
            {
                var bin = Math.Min(BinCount - 1, (int)(probabilities[k] * BinCount));
                forecast[k, bin] += probabilities[k];
                if (outcome == k) came[k, bin]++;
                dates[k, bin]++;
            }
        }
        var diagrams = new List<RegimeReliability>(regimes);
        for (var k = 0; k < regimes; k++)
        {
            double forecastSum = 0;
            var cameSum = 0;
            var bins = new List<ReliabilityBin>(BinCount);
            for (var b = 0; b < BinCount; b++)
            {
                forecastSum += forecast[k, b];
                cameSum += came[k, b];
                if (dates[k, b] == 0) continue;
                bins.Add(new ReliabilityBin((double)b / BinCount, (double)(b + 1) / BinCount, dates[k, b], forecast[k, b] / dates[k, b], (double)came[k, b] / dates[k, b]));
            }
            diagrams.Add(new RegimeReliability(Regimes.Names[k], forecastSum / predictions.Count, (double)cameSum / predictions.Count, bins));
        }
        return diagrams;
    }
}

/// <summary>The dates whose forecast probability of a regime lay in [Lower, Upper) ([0.8, 1] for the last bin).</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Dates, double MeanForecast, double ObservedFrequency);
