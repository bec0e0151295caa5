using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;

namespace MlRisk.Tests.Modeling;

/// <summary>
/// Test support: feature and label rows on consecutive NYSE sessions from a seeded stochastic-volatility
/// process (log daily vol follows an AR(1)), with features that carry the vol signal the way the real ones
/// do and a label that depends on them non-linearly plus noise. Deterministic for a given seed.
/// </summary>
internal static class SyntheticMarket
{
    public static (List<FeatureRow> Features, List<LabelRow> Labels) Generate(int sessions, int seed = 7)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());

        var dates = TradingCalendar.Sessions(new DateOnly(2010, 1, 4), new DateOnly(2040, 1, 1)).Take(sessions).ToList();
        var features = new List<FeatureRow>(sessions);
        var labels = new List<LabelRow>(sessions);
        var h = Math.Log(0.01);
        foreach (var date in dates)
        {
            h = Math.Log(0.01) + 0.97 * (h - Math.Log(0.01)) + 0.15 * Normal();
            var daily = Math.Exp(h);
            var vix = 100.0 * daily * Math.Sqrt(252.0) * (1.1 + 0.05 * Normal());
            var vix3m = vix * (1.05 + 0.05 * Normal());
            var rsi = 50.0 + 15.0 * Normal();
            var values = new[]
            {
                daily * Normal(), daily * Math.Sqrt(5.0) * Normal(), daily * Math.Sqrt(20.0) * Normal(),
                daily * Math.Sqrt(5.0) * (1.0 + 0.2 * Normal()), daily * Math.Sqrt(10.0) * (1.0 + 0.15 * Normal()),
                daily * Math.Sqrt(20.0) * (1.0 + 0.1 * Normal()), Math.Abs(0.05 * Normal()), vix, vix3m, vix3m / vix,
                rsi, Math.Clamp(-0.3 + 0.3 * Normal(), -1.0, 1.0), Math.Clamp(0.6 + 0.2 * Normal(), -1.0, 1.0), 0.004 * Normal(),
            };
            features.Add(new FeatureRow(date, values));
            // The label responds to RSI only through a threshold: something for trees to find beyond HAR.
            var shock = rsi < 40.0 ? 0.25 : 0.0;
            var rv5d = daily * Math.Sqrt(5.0) * Math.Exp(shock + 0.25 * Normal());
            labels.Add(new LabelRow(date, rv5d, rv5d * Normal()));
        }
        return (features, labels);
    }

    /// <summary>A small regression problem for the LightGBM wrapper: y = 2 x0 + step(x1) + noise, x2 unused.</summary>
    public static (double[] Matrix, double[] Label) Regression(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var matrix = new double[rows * columns];
        var label = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++) matrix[r * columns + c] = random.NextDouble();
            label[r] = 2.0 * matrix[r * columns] + (matrix[r * columns + 1] > 0.5 ? 1.0 : 0.0) + 0.1 * random.NextDouble();
        }
        return (matrix, label);
    }
}
