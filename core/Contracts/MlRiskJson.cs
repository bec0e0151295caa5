using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlRisk.Core.Contracts;

/// <summary>
/// The one JSON naming policy of everything the product writes: API responses, metadata.json, champion.json, run
/// summaries, the bench report. snake_case properties and enum values; a name the policy cannot spell (rv_5d_hat:
/// the policy writes "rv5d_hat") carries its own <see cref="JsonPropertyNameAttribute"/>.
/// </summary>
public static class MlRiskJson
{
    /// <summary>For files: indented so a person can read them.</summary>
    public static readonly JsonSerializerOptions Files = Apply(new JsonSerializerOptions { WriteIndented = true });

    /// <summary>Sets the policy on options someone else owns, such as ASP.NET Core's HTTP JSON options.</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        return options;
    }
}
