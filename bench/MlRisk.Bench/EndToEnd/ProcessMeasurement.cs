namespace MlRisk.Bench.EndToEnd;

/// <summary>One finished child process: wall time from start to exit, peak resident memory and exit code.</summary>
public sealed record ProcessMeasurement(TimeSpan Wall, long PeakRssKb, int ExitCode, string Log);
