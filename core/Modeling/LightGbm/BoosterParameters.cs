using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;

namespace MlRisk.Core.Modeling.LightGbm;

/// <summary>
/// The LightGBM training parameters the project uses. Determinism is not optional: deterministic=true,
/// a fixed seed, a fixed thread count and a forced column-wise histogram layout (LightGBM otherwise picks
/// row- or column-wise by timing the two, which makes the model depend on machine load).
/// </summary>
public sealed record BoosterParameters
{
    // The ranges are LightGBM's own limits, checked at start: LightGBM itself would refuse them only at train time.
    [Range(1, 100_000)]
    public int Iterations { get; init; } = 200;

    [Range(2, 131_072)]
    public int NumLeaves { get; init; } = 7;

    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double LearningRate { get; init; } = 0.03;

    [Range(1, int.MaxValue)]
    public int MinDataInLeaf { get; init; } = 100;

    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double FeatureFraction { get; init; } = 1.0;

    [Range(0.0, 1.0, MinimumIsExclusive = true)]
    public double BaggingFraction { get; init; } = 1.0;

    [Range(0.0, double.MaxValue)]
    public double LambdaL2 { get; init; } = 1.0;

    [Range(2, 65_535)]
    public int MaxBin { get; init; } = 63;

    public int Seed { get; init; } = 42;

    [Range(1, 1_024)]
    public int Threads { get; init; } = 2;

    /// <summary>Per-feature monotone constraints (-1, 0, 1) in column order; empty for none.</summary>
    public IReadOnlyList<int> MonotoneConstraints { get; init; } = [];

    /// <summary>The parameters in LightGBM's 'key=value key=value' form, the same for dataset and booster.</summary>
    public string ToLightGbmString()
    {
        var text = new StringBuilder();
        Append(text, "objective", "regression");
        Append(text, "boosting", "gbdt");
        Append(text, "num_leaves", NumLeaves);
        Append(text, "learning_rate", LearningRate);
        Append(text, "min_data_in_leaf", MinDataInLeaf);
        Append(text, "feature_fraction", FeatureFraction);
        Append(text, "bagging_fraction", BaggingFraction);
        Append(text, "bagging_freq", BaggingFraction < 1.0 ? 1 : 0);
        Append(text, "lambda_l2", LambdaL2);
        Append(text, "max_bin", MaxBin);
        Append(text, "seed", Seed);
        Append(text, "num_threads", Threads);
        Append(text, "deterministic", "true");
        Append(text, "force_col_wise", "true");
        Append(text, "verbosity", -1);
        if (MonotoneConstraints.Count > 0)
        {
            Append(text, "monotone_constraints", string.Join(',', MonotoneConstraints));
            Append(text, "monotone_constraints_method", "basic");
        }
        return text.ToString().TrimEnd();
    }

    private static void Append(StringBuilder text, string key, string value) => text.Append(key).Append('=').Append(value).Append(' ');

    private static void Append(StringBuilder text, string key, int value) => Append(text, key, value.ToString(CultureInfo.InvariantCulture));

    private static void Append(StringBuilder text, string key, double value) => Append(text, key, value.ToString("R", CultureInfo.InvariantCulture));
}
