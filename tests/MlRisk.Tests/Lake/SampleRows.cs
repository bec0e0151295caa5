using MlRisk.Core.Contracts;

namespace MlRisk.Tests.Lake;

/// <summary>Small, valid, hand-made rows of every dataset.</summary>
public static class SampleRows
{
    public static readonly DateOnly Day1 = new(2020, 3, 13);
    public static readonly DateOnly Day2 = new(2020, 3, 16);

    public static SourceBar Bar(string symbol, DateOnly date, double close, long volume = 1_000) =>
        new(symbol, date, close * 0.99, close * 1.02, close * 0.97, close, close * 0.95, volume);

    public static List<SourceBar> Raw() =>
    [
        Bar("SPY", Day1, 269.32), Bar("VIX", Day1, 57.83, 0), Bar("TLT", Day1, 155.1),
        Bar("SPY", Day2, 239.85), Bar("VIX", Day2, 82.69, 0), Bar("TLT", Day2, 158.2),
    ];

    public static List<CuratedRow> Curated() =>
    [
        new("SPY", Day1, 0.0888, 255.8), new("TLT", Day1, -0.012, 147.3),
        new("SPY", Day2, -0.115886, 221.05), new("TLT", Day2, 0.0198, 150.3),
    ];

    public static FeatureRow Features(DateOnly date) =>
        new(date, [-0.11, -0.15, -0.28, 0.17, 0.22, 0.30, 0.29, 82.69, 67.70, 0.82, 21.5, 0.35, 0.71, -0.02]);

    public static List<LabelRow> Labels() => [new(Day1, 0.12, -0.21), new(Day2, 0.0, 0.0)];

    public static PredictionRow Prediction(DateOnly date) =>
        new(date, Modeling.TestDistributions.Around(0.041) with { Rv5dHat = 0.043 },
            [new Driver(FeatureNames.Vix, 82.69, 0.31), new Driver(FeatureNames.SpyVol5d, 0.17, 0.12), new Driver(FeatureNames.VixTerm, 0.82, -0.05)],
            "20260101-abc", "walk_forward");
}
