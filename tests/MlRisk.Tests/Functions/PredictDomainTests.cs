using System.Globalization;
using System.Net;
using System.Text.Json;
using MlRisk.Core.Contracts;
using MlRisk.Tests.Contracts;
using static MlRisk.Tests.Functions.HttpJson;

namespace MlRisk.Tests.Functions;

/// <summary>
/// POST /predict over a real Kestrel port applies the features_daily domain (the same <see cref="FeatureDomain"/>
/// code): 422 listing every failing field with its value and the allowed range; in-domain values the model was
/// not trained on are answered with warnings.
/// </summary>
public sealed class PredictDomainTests(StandaloneHostFixture host) : IClassFixture<StandaloneHostFixture>
{
    private static string Body(double[] values) =>
        "{\"as_of_date\":\"2024-07-01\",\"feature_vector\":{" +
        string.Join(",", FeatureNames.All.Select((n, i) => $"\"{n}\":{values[i].ToString("R", CultureInfo.InvariantCulture)}")) + "}}";

    private static double[] With(params (string Feature, double Value)[] changes)
    {
        var values = FeatureDomainTests.Calm();
        foreach (var (feature, value) in changes) values[FeatureNames.IndexOf(feature)] = value;
        return values;
    }

    /// <summary>For each feature, a finite value just outside its bound, and what the answer must call allowed.</summary>
    public static TheoryData<string, double, string> OutsideEachBound()
    {
        var data = new TheoryData<string, double, string>();
        foreach (var bound in FeatureDomain.Bounds)
        {
            data.Add(bound.Feature, Math.BitIncrement(bound.Upper), bound.Allowed);
            data.Add(bound.Feature, bound.LowerClosed ? Math.BitDecrement(bound.Lower) : bound.Lower, bound.Allowed);
        }
        return data;
    }

    private async Task<JsonElement> UnprocessableAsync(double[] values)
    {
        var (response, problem) = await PostAsync(host.Client, "/predict", Body(values));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", MediaType(response));
        Assert.Equal("urn:mlrisk:problem:feature-out-of-domain", problem.GetProperty("type").GetString());
        return problem;
    }

    [Theory]
    [MemberData(nameof(OutsideEachBound))]
    public async Task A_value_outside_a_features_domain_is_422_with_the_value_and_the_allowed_range(string feature, double value, string allowed)
    {
        var problem = await UnprocessableAsync(With((feature, value)));

        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("feature_vector." + feature, error.GetProperty("field").GetString());
        Assert.Equal(value, error.GetProperty("value").GetDouble());
        Assert.Equal(allowed, error.GetProperty("allowed").GetString());
    }

    [Fact]
    public async Task Every_failing_field_is_listed_at_once()
    {
        var problem = await UnprocessableAsync(With(
            (FeatureNames.SpyRet1d, 1e308), (FeatureNames.RsiSpy14, 500), (FeatureNames.CorrSpyTlt20d, -3), (FeatureNames.Vix, -5)));

        Assert.Equal(
            ["feature_vector.spy_ret_1d", "feature_vector.vix", "feature_vector.rsi_spy_14", "feature_vector.corr_spy_tlt_20d"],
            ErrorFields(problem));
    }

    [Fact]
    public async Task A_vix_term_that_is_not_vix3m_over_vix_is_422_with_the_consistent_range()
    {
        var problem = await UnprocessableAsync(With((FeatureNames.VixTerm, 0.9)));

        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("feature_vector.vix_term", error.GetProperty("field").GetString());
        Assert.Equal("[1.14329, 1.16639]", error.GetProperty("allowed").GetString());
    }

    [Fact]
    public async Task A_vix_term_rounded_to_two_decimals_is_accepted()
    {
        var (response, body) = await PostAsync(host.Client, "/predict", Body(With((FeatureNames.VixTerm, 1.15))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, body.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Values_inside_the_domain_but_outside_the_training_range_are_answered_with_a_warning_each()
    {
        var (response, body) = await PostAsync(host.Client, "/predict",
            Body(With((FeatureNames.Vix, 75), (FeatureNames.Vix3m, 30), (FeatureNames.VixTerm, 30 / 75.0))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var warnings = body.GetProperty("warnings").EnumerateArray().ToList();
        Assert.Equal([FeatureNames.Vix, FeatureNames.VixTerm], warnings.Select(w => w.GetProperty("feature").GetString()));
        Assert.Equal(75, warnings[0].GetProperty("value").GetDouble());
        Assert.Equal(9, warnings[0].GetProperty("training_min").GetDouble());
        Assert.Equal(60, warnings[0].GetProperty("training_max").GetDouble());
    }
}
