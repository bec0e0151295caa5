using System.Text.Json.Serialization;

namespace MlRisk.Core.Modeling;

/// <summary>The gate's verdict with the numbers it rests on and one sentence a person can read.</summary>
public sealed record GateDecision(
    bool Passed,
    double Margin,
    [property: JsonPropertyName("qlike_improvement")] double QLikeImprovement,
    double RmseImprovement,
    string Summary);
