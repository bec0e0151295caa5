namespace MlRisk.Core.Contracts;

/// <summary>A feature value outside its domain: the feature, the value, and the rule it breaks in words.</summary>
/// <param name="Rule">What the value must satisfy, e.g. "in (0, 200)" or "equals vix3m / vix within 1%".</param>
/// <param name="Allowed">The values that would pass, e.g. "(0, 200)" or "[1.1433, 1.1664]".</param>
public sealed record FeatureViolation(string Feature, double Value, string Rule, string Allowed);
