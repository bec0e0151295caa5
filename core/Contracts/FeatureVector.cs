using System.Collections;
using System.Runtime.CompilerServices;

namespace MlRisk.Core.Contracts;

/// <summary>
/// The 14 features of one date (DESIGN §4), in <see cref="FeatureNames.All"/> order and read by name: what the
/// features stage writes, training learns from, inference and POST /predict forecast from. Immutable; built in
/// one place (<see cref="Create"/>, which refuses any other width) and checked against the market's domain in one
/// place (<see cref="Violations"/>, the same <see cref="FeatureDomain"/> the features_daily contract applies).
/// </summary>
[CollectionBuilder(typeof(FeatureVector), nameof(Create))]
public sealed class FeatureVector : IReadOnlyList<double>
{
    private readonly double[] _values;

    private FeatureVector(double[] values) => _values = values;

    /// <summary>A vector of the values given in feature order; throws unless there are exactly 14.</summary>
    public static FeatureVector Create(ReadOnlySpan<double> values)
    {
        if (values.Length != FeatureNames.Count)
        {
            throw new ArgumentException(
                $"a feature vector has the {FeatureNames.Count} features {string.Join(", ", FeatureNames.All)}; got {values.Length} values", nameof(values));
        }
        return new FeatureVector(values.ToArray());
    }

    public static implicit operator FeatureVector(double[] values) => Create(values);

    public static implicit operator ReadOnlySpan<double>(FeatureVector vector) => vector._values;

    public int Count => FeatureNames.Count;

    public double this[int index] => _values[index];

    public double this[string feature] => _values[IndexOf(feature)];

    public ReadOnlySpan<double> AsSpan() => _values;

    public void CopyTo(double[] destination, int offset) => _values.CopyTo(destination, offset);

    /// <summary>A copy with one feature replaced.</summary>
    public FeatureVector With(string feature, double value)
    {
        var values = (double[])_values.Clone();
        values[IndexOf(feature)] = value;
        return new FeatureVector(values);
    }

    /// <summary>Every value outside the market's domain, empty when the vector is one a market can produce.</summary>
    public IReadOnlyList<FeatureViolation> Violations() => FeatureDomain.Check(_values);

    public IEnumerator<double> GetEnumerator() => ((IEnumerable<double>)_values).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static int IndexOf(string feature) => FeatureNames.IndexOf(feature) is var i and >= 0
        ? i
        : throw new ArgumentException($"'{feature}' is not a feature; the features are {string.Join(", ", FeatureNames.All)}", nameof(feature));
}
