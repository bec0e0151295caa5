using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MlRisk.Core.Contracts;

namespace MlRisk.Tests.Functions;

/// <summary>Request bodies and response parsing shared by the HTTP tests.</summary>
public static class HttpJson
{
    public static string FeatureVector(double[] values) =>
        "{" + string.Join(",", FeatureNames.All.Select((n, i) => $"\"{n}\":{values[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)}")) + "}";

    public static string PredictBody(string date, double[] values) =>
        $"{{\"as_of_date\":\"{date}\",\"feature_vector\":{FeatureVector(values)}}}";

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(HttpClient client, string path, string body)
    {
        var response = await client.PostAsync(path, Json(body));
        return (response, await ReadAsync(response));
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response, await ReadAsync(response));
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string? MediaType(HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;

    public static MediaTypeHeaderValue ContentType(string value) => MediaTypeHeaderValue.Parse(value);

    /// <summary>The "field" of every entry of a problem's "errors".</summary>
    public static string[] ErrorFields(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()!).ToArray();
}
