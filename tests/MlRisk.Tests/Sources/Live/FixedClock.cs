namespace MlRisk.Tests.Sources.Live;

/// <summary>
/// A clock pinned at one instant for "now", with real timers: the resilience pipeline's timeouts and backoff
/// delays still run in real time, which a fully fake clock would freeze.
/// </summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
