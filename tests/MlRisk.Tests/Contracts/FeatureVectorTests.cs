using MlRisk.Core.Contracts;

namespace MlRisk.Tests.Contracts;

public sealed class FeatureVectorTests
{
    [Fact]
    public void A_vector_is_read_by_name_in_feature_order()
    {
        FeatureVector vector = FeatureDomainTests.Calm();

        Assert.Equal(15.5, vector[FeatureNames.Vix]);
        Assert.Equal(17.9, vector[FeatureNames.IndexOf(FeatureNames.Vix3m)]);
        Assert.Equal(FeatureNames.Count, vector.Count);
    }

    [Fact]
    public void A_vector_of_another_width_is_refused_naming_the_features()
    {
        var error = Assert.Throws<ArgumentException>(() => FeatureVector.Create([0.1, 0.2]));

        Assert.StartsWith("a feature vector has the 14 features spy_ret_1d, spy_ret_5d", error.Message);
        Assert.Contains("got 2 values", error.Message);
    }

    [Fact]
    public void A_vector_owns_its_values_and_With_returns_a_new_one()
    {
        var values = FeatureDomainTests.Calm();
        FeatureVector vector = values;
        values[0] = 0.4;

        var changed = vector.With(FeatureNames.RsiSpy14, 101);

        Assert.Equal(0.001, vector[FeatureNames.SpyRet1d]);
        Assert.Equal(55, vector[FeatureNames.RsiSpy14]);
        Assert.Equal(101, changed[FeatureNames.RsiSpy14]);
        Assert.Equal([FeatureNames.RsiSpy14], changed.Violations().Select(v => v.Feature));
    }

    [Fact]
    public void An_unknown_name_is_refused()
    {
        FeatureVector vector = FeatureDomainTests.Calm();

        Assert.Contains("'gold' is not a feature", Assert.Throws<ArgumentException>(() => vector["gold"]).Message);
    }
}
