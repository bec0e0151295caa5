using System.Globalization;
using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;

namespace MlRisk.Core.Serving;

/// <summary>
/// A feature value a market can produce but the served model never saw in training: the forecast is an
/// extrapolation there, and the caller is told so beside it.
/// </summary>
public sealed record InputWarning(string Feature, double Value, double TrainingMin, double TrainingMax, string Detail)
{
    /// <summary>One warning per feature outside its training range, in <see cref="FeatureNames.All"/> order.</summary>
    public static IReadOnlyList<InputWarning> Outside(IReadOnlyList<FeatureRange> ranges, ReadOnlySpan<double> features)
    {
        List<InputWarning>? warnings = null;
        for (var f = 0; f < ranges.Count; f++)
        {
            var range = ranges[f];
            var value = features[f];
            if (range.Contains(value)) continue;
            warnings ??= [];
            warnings.Add(new InputWarning(range.Feature, value, range.Min, range.Max, string.Create(CultureInfo.InvariantCulture,
                $"{range.Feature} = {value:R} is outside the model's training range [{range.Min:R}, {range.Max:R}]; the forecast extrapolates.")));
        }
        return warnings ?? [];
    }
}
