using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlRisk.Core.Observability;

/// <summary>The one JSON shape of run summaries: camelCase properties, enums as snake_case strings.</summary>
public static class RunSummaryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
