using System.Text;
using CsCheck;
using MlRisk.Core.Contracts;
using MlRisk.Core.Serving;

namespace MlRisk.Tests.Serving;

/// <summary>Random bodies never make the reader throw: each is a request or a list of errors naming fields.</summary>
public sealed class PredictRequestReaderFuzzTests
{
    private static readonly string[] Values =
        ["0.1", "-3e-5", "1e400", "NaN", "\"NaN\"", "\"x\"", "null", "true", "[]", "{}", "-Infinity", "01", "1.", "\"\\ud800\"", ""];

    private static readonly Gen<string> Member = Gen.OneOf(
        Gen.OneOf(FeatureNames.All.ToArray()),
        Gen.OneOf("as_of_date", "feature_vector", "VIX", "", "\\u0076ix", "spy_ret_1d\u0000"),
        Gen.String[0, 8]);

    private static readonly Gen<string> FeatureVector =
        Gen.Select(Member, Gen.OneOf(Values)).Array[0, 18]
            .Select(pairs => "{" + string.Join(",", pairs.Select(p => $"\"{p.Item1}\":{p.Item2}")) + "}");

    private static readonly Gen<string> Body = Gen.OneOf(
        Gen.Select(Gen.OneOf("\"2024-07-01\"", "\"2024-02-30\"", "20240701", "null", "\"\"", "\"2024-07-01"), FeatureVector,
            (date, vector) => $"{{\"as_of_date\":{date},\"feature_vector\":{vector}}}"),
        Gen.Select(FeatureVector, Gen.Int[0, 40], (vector, cut) => ("{\"as_of_date\":\"2024-07-01\",\"feature_vector\":" + vector)[..Math.Min(cut + 30, 30 + vector.Length)]),
        Gen.String[0, 60]);

    [Fact]
    public void Random_bodies_give_a_request_or_errors_never_an_exception()
    {
        Body.Sample(body =>
        {
            var result = PredictRequestReader.Read(Encoding.UTF8.GetBytes(body));
            if (result.Request is null)
            {
                Assert.NotEmpty(result.Errors);
                Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Detail)));
            }
            else
            {
                Assert.Empty(result.Errors);
                Assert.All(result.Request.Features ?? [], v => Assert.True(double.IsFinite(v)));
            }
        }, iter: 5000);
    }
}
