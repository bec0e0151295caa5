using System.Net;
using System.Text;
using MlRisk.Core.Contracts;
using static MlRisk.Tests.Functions.HttpJson;

namespace MlRisk.Tests.Functions;

/// <summary>Every way a POST /predict can be wrong: an RFC 9457 problem naming the field, never a 5xx.</summary>
public sealed class PredictErrorTests(StandaloneHostFixture host) : IClassFixture<StandaloneHostFixture>
{
    private readonly HttpClient client = host.Client;

    private static string Vector(Func<string, string> valueOf, IEnumerable<string>? names = null) =>
        "{" + string.Join(",", (names ?? FeatureNames.All).Select(n => $"\"{n}\":{valueOf(n)}")) + "}";

    private async Task<System.Text.Json.JsonElement> ProblemAsync(string body, HttpStatusCode status)
    {
        var (response, problem) = await PostAsync(client, "/predict", body);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", MediaType(response));
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }

    [Theory]
    [InlineData("{\"as_of_date\":\"2024-07-01\",", "as_of_date")]
    [InlineData("{\"as_of_date\":\"2024-07-01\",\"feature_vector\":{\"vix\":1.5,}}", "feature_vector.vix")]
    [InlineData("{\"as_of_date\":\"2024-07-01\",\"feature_vector\":{\"vix\":1.5 2}}", "feature_vector.vix")]
    [InlineData("not json", "")]
    [InlineData("", "")]
    public async Task Malformed_json_is_400_naming_where_it_broke(string body, string field)
    {
        var problem = await ProblemAsync(body, HttpStatusCode.BadRequest);

        Assert.Equal("urn:mlrisk:problem:malformed-json", problem.GetProperty("type").GetString());
        Assert.Equal([field], ErrorFields(problem));
    }

    [Fact]
    public async Task A_repeated_field_is_400_naming_it()
    {
        var problem = await ProblemAsync("{\"as_of_date\":\"2024-07-01\",\"as_of_date\":\"2024-07-02\"}", HttpStatusCode.BadRequest);

        Assert.Equal(["as_of_date"], ErrorFields(problem));
    }

    [Fact]
    public async Task Every_missing_feature_is_listed()
    {
        var present = FeatureNames.All.Skip(3).ToArray();
        var problem = await ProblemAsync(
            $"{{\"as_of_date\":\"2024-07-01\",\"feature_vector\":{Vector(_ => "0.1", present)}}}", HttpStatusCode.BadRequest);

        Assert.Equal(FeatureNames.All.Take(3).Select(n => "feature_vector." + n), ErrorFields(problem));
        Assert.Equal("#/feature_vector/spy_ret_1d", problem.GetProperty("errors")[0].GetProperty("pointer").GetString());
    }

    [Fact]
    public async Task Unknown_features_and_fields_are_named()
    {
        var vector = Vector(_ => "0.1").TrimEnd('}') + ",\"VIX\":20,\"gold\":1}";
        var problem = await ProblemAsync($"{{\"as_of_date\":\"2024-07-01\",\"feature_vector\":{vector},\"model\":\"x\"}}", HttpStatusCode.BadRequest);

        Assert.Equal(["feature_vector.VIX", "feature_vector.gold", "model"], ErrorFields(problem));
    }

    [Theory]
    [InlineData("\"0.1\"", "a string")]
    [InlineData("true", "a boolean")]
    [InlineData("[0.1]", "an array")]
    [InlineData("null", "null")]
    public async Task A_feature_of_the_wrong_type_is_named(string value, string kind)
    {
        var body = $"{{\"as_of_date\":\"2024-07-01\",\"feature_vector\":{Vector(n => n == "vix" ? value : "0.1")}}}";
        var problem = await ProblemAsync(body, HttpStatusCode.BadRequest);

        Assert.Equal(["feature_vector.vix"], ErrorFields(problem));
        Assert.Contains(kind, problem.GetProperty("errors")[0].GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("\"NaN\"", HttpStatusCode.BadRequest)]
    [InlineData("\"Infinity\"", HttpStatusCode.BadRequest)]
    [InlineData("\"-infinity\"", HttpStatusCode.BadRequest)]
    [InlineData("NaN", HttpStatusCode.BadRequest)]
    [InlineData("-Infinity", HttpStatusCode.BadRequest)]
    [InlineData("1e400", HttpStatusCode.BadRequest)]
    public async Task Non_finite_values_are_rejected_naming_the_feature(string value, HttpStatusCode status)
    {
        var body = $"{{\"as_of_date\":\"2024-07-01\",\"feature_vector\":{Vector(n => n == "rsi_spy_14" ? value : "0.1")}}}";
        var problem = await ProblemAsync(body, status);

        Assert.Equal(["feature_vector.rsi_spy_14"], ErrorFields(problem));
        Assert.Matches("(?i)finite", problem.GetProperty("errors")[0].GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("{\"feature_vector\":null}", "as_of_date")]
    [InlineData("{\"as_of_date\":\"2024-02-30\"}", "as_of_date")]
    [InlineData("{\"as_of_date\":\"01/07/2024\"}", "as_of_date")]
    [InlineData("{\"as_of_date\":20240701}", "as_of_date")]
    [InlineData("[1,2]", "")]
    public async Task A_bad_or_missing_date_is_400_naming_it(string body, string field)
    {
        var problem = await ProblemAsync(body, HttpStatusCode.BadRequest);

        Assert.Equal([field], ErrorFields(problem));
    }

    [Fact]
    public async Task A_feature_vector_that_is_not_an_object_is_named()
    {
        var problem = await ProblemAsync("{\"as_of_date\":\"2024-07-01\",\"feature_vector\":[0.1,0.2]}", HttpStatusCode.BadRequest);

        Assert.Equal(["feature_vector"], ErrorFields(problem));
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_413()
    {
        var padding = new string(' ', 64 * 1024);
        var problem = await ProblemAsync(PredictBody("2024-07-01", FakeLake.SampleFeatures()) + padding, HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("65536", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_chunked_body_over_64_KiB_is_413_too()
    {
        var bytes = Encoding.UTF8.GetBytes(PredictBody("2024-07-01", FakeLake.SampleFeatures()) + new string(' ', 70_000));
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = ContentType("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/predict") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_of_exactly_64_KiB_is_read()
    {
        var body = PredictBody("2024-07-01", FakeLake.SampleFeatures());
        var (response, _) = await PostAsync(client, "/predict", body + new string(' ', 64 * 1024 - Encoding.UTF8.GetByteCount(body)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_content_type_is_415()
    {
        var response = await client.PostAsync("/predict",
            new StringContent(PredictBody("2024-07-01", FakeLake.SampleFeatures()), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", MediaType(response));
    }
}

/// <summary>Before any model passes the gate, /predict and /model answer 503 with the numbers that blocked it.</summary>
public sealed class NoChampionTests(NoChampionHostFixture host) : IClassFixture<NoChampionHostFixture>
{
    [Theory]
    [InlineData("/predict")]
    [InlineData("/model")]
    public async Task Without_a_champion_the_answer_is_503_with_the_gate_numbers(string path)
    {
        var response = path == "/predict"
            ? await host.Client.PostAsync(path, Json(PredictBody("2024-07-01", FakeLake.SampleFeatures())))
            : await host.Client.GetAsync(path);
        var problem = await ReadAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", MediaType(response));
        Assert.Equal("fake-v0", problem.GetProperty("candidate_version").GetString());
        Assert.False(problem.GetProperty("gate").GetProperty("passed").GetBoolean());
        Assert.Equal(0.694, problem.GetProperty("scores")[1].GetProperty("qlike").GetDouble());
        Assert.Contains("failed the gate", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Health_says_no_model()
    {
        var (_, body) = await GetAsync(host.Client, "/health");

        Assert.False(body.GetProperty("model_loaded").GetBoolean());
        Assert.Equal("no_model", body.GetProperty("status").GetString());
    }
}
