namespace MlRisk.Core.Pipeline;

/// <summary>The run a stage executes in: its id (on every log event), what triggered it, and when it started.</summary>
public sealed record RunContext(string RunId, string Trigger, DateTimeOffset StartedUtc);
