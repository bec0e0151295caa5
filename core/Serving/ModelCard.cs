using System.Text.Json;
using System.Text.Json.Serialization;

namespace MlRisk.Core.Serving;

/// <summary>
/// What the API and the dashboard show about a trained model: its walk-forward scores against the benchmarks,
/// the gate decision, and the registry's metadata.json as stored.
/// </summary>
public sealed record ModelCard(
    [property: JsonPropertyName("model_version")] string Version,
    [property: JsonPropertyName("scores")] IReadOnlyList<BenchmarkScore> Scores,
    [property: JsonPropertyName("gate")] GateDecision Gate,
    [property: JsonPropertyName("metadata")] JsonElement Metadata);
