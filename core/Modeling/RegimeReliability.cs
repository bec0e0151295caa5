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
        var outcomes = predictions.Select(p => Regimes.Of(p.Realized, regimeCuts)).ToArray();
        var diagrams = new List<RegimeReliability>(Regimes.Names.Count);
        for (var k = 0; k < Regimes.Names.Count; k++)
        {
            var forecast = new double[BinCount];
            var came = new int[BinCount];
            var dates = new int[BinCount];
            double forecastSum = 0;
            var cameSum = 0;
            for (var i = 0; i < predictions.Count; i++)
            {
                var p = predictions[i].Distribution.RegimeProbabilities[k];
                var hit = outcomes[i] == k ? 1 : 0;
                var bin = Math.Min(BinCount - 1, (int)(p * BinCount));
                forecast[bin] += p;
                came[bin] += hit;
                dates[bin]++;
                forecastSum += p;
                cameSum += hit;
            }
            var bins = Enumerable.Range(0, BinCount).Where(b => dates[b] > 0)
                .Select(b => new ReliabilityBin((double)b / BinCount, (double)(b + 1) / BinCount, dates[b], forecast[b] / dates[b], (double)came[b] / dates[b]))
                .ToList();
            diagrams.Add(new RegimeReliability(Regimes.Names[k], forecastSum / predictions.Count, (double)cameSum / predictions.Count, bins));
        }
        return diagrams;
    }
}

/// <summary>The dates whose forecast probability of a regime lay in [Lower, Upper) ([0.8, 1] for the last bin).</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Dates, double MeanForecast, double ObservedFrequency);
