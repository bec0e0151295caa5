namespace MlRisk.Bench.Report;

/// <summary>The unit a table value is in; decides how it is printed.</summary>
public enum Unit
{
    Seconds,
    Milliseconds,
    Microseconds,
    MiB,
    Count,
    PerSecond,
    Percent,
    Number,
}
