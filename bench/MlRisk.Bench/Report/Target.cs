namespace MlRisk.Bench.Report;

/// <summary>A number an issue asks for, with the test that decides PASS or MISS.</summary>
public sealed record Target(string Text, Func<double, bool> IsMet, string Source)
{
    public static Target Below(double limit, Unit unit, string source) => new($"< {ResultsTable.Format(limit, unit)}", v => v < limit, source);

    public static Target AtLeast(double limit, Unit unit, string source) => new($"≥ {ResultsTable.Format(limit, unit)}", v => v >= limit, source);
}
