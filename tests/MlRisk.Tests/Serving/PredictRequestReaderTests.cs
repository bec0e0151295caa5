using System.Text;
using MlRisk.Core.Contracts;
using MlRisk.Core.Serving;

namespace MlRisk.Tests.Serving;

public sealed class PredictRequestReaderTests
{
    [Fact]
    public void Features_are_read_into_the_feature_order_whatever_the_json_order()
    {
        var members = FeatureNames.All.Select((n, i) => $"\"{n}\":{i + 1}").Reverse();
        var body = $"{{\"feature_vector\":{{{string.Join(",", members)}}},\"as_of_date\":\"2024-07-01\"}}";

        var result = PredictRequestReader.Read(Encoding.UTF8.GetBytes(body));

        Assert.Equal(new DateOnly(2024, 7, 1), result.Request!.AsOfDate);
        Assert.Equal(Enumerable.Range(1, FeatureNames.Count).Select(i => (double)i), result.Request.Features!);
    }

    [Fact]
    public void Date_and_feature_errors_are_reported_together()
    {
        var result = PredictRequestReader.Read(Encoding.UTF8.GetBytes("{\"as_of_date\":\"2024-7-1\",\"feature_vector\":{\"vix\":\"NaN\"}}"));

        Assert.False(result.MalformedJson);
        Assert.Equal(1 + 1 + (FeatureNames.Count - 1), result.Errors.Count);
        Assert.Equal("as_of_date", result.Errors[0].Field);
        Assert.Equal("feature_vector.vix", result.Errors[1].Field);
    }

    [Theory]
    [InlineData("{\"as_of_date\":\"2024-07-01\",\"a/b~c\":1}", "a/b~c", "#/a~1b~0c")]
    [InlineData("{\"as_of_date\":\"2024-07-01\",\"feature_vector\":{\"v ix\":1}}", "feature_vector.v ix", "#/feature_vector/v%20ix")]
    [InlineData("{\"as_of_date\":\"2024-07-01\",\"feature_vector\":{\"vix.1\":1}}", "feature_vector.vix.1", "#/feature_vector/vix.1")]
    [InlineData("{\"as_of_date\":\"2024-07-01\",\"x/y\":1,\"x/y\":2}", "x/y", "#/x~1y")]
    public void A_member_name_with_pointer_syntax_in_it_gets_an_escaped_json_pointer(string body, string field, string pointer)
    {
        var result = PredictRequestReader.Read(Encoding.UTF8.GetBytes(body));

        var error = result.Errors.First(e => e.Field == field);
        Assert.Equal(pointer, error.Pointer);
    }
}
