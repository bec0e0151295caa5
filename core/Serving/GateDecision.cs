using System.Text.Json.Serialization;

namespace MlRisk.Core.Serving;

/// <summary>The champion gate's verdict: passed when QLIKE or RMSE beats the baseline by at least <see cref="Margin"/>.</summary>
/// <param name="Margin">Required relative improvement over the baseline, e.g. 0.02.</param>
/// <param name="Detail">The decision in words with its numbers, as the run summary states it.</param>
public sealed record GateDecision(
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("margin")] double Margin,
    [property: JsonPropertyName("detail")] string Detail);
