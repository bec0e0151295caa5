namespace MlRisk.Core.Modeling;

/// <summary>The smallest and largest value of one feature over a model's training rows.</summary>
public sealed record FeatureRange(string Feature, double Min, double Max)
{
    /// <summary>One range per feature, in <see cref="Contracts.FeatureNames.All"/> order, over every row of the set.</summary>
    public static IReadOnlyList<FeatureRange> Of(TrainingSet set)
    {
        var ranges = new FeatureRange[Contracts.FeatureNames.Count];
        for (var f = 0; f < ranges.Length; f++)
        {
            var min = double.PositiveInfinity;
            var max = double.NegativeInfinity;
            for (var r = 0; r < set.Rows; r++)
            {
                var v = set.Row(r)[f];
                if (v < min) min = v;
                if (v > max) max = v;
            }
            ranges[f] = new FeatureRange(Contracts.FeatureNames.All[f], min, max);
        }
        return ranges;
    }

    public bool Contains(double value) => value >= Min && value <= Max;
}
