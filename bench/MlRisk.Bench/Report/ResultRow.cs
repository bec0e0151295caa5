namespace MlRisk.Bench.Report;

/// <summary>One line of the results table, as printed and as written to latest.json.</summary>
public sealed record ResultRow(
    string Section,
    string Measure,
    double Value,
    Unit Unit,
    string Display,
    string? Target,
    string? TargetSource,
    string Verdict,
    string Note);
