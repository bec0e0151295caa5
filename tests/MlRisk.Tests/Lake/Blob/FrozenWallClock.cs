namespace MlRisk.Tests.Lake.Blob;

/// <summary>
/// A clock whose date and time stand still at one instant while timers and elapsed time run for real: two runs
/// end on the same session, and the blob lease is still renewed and lock waits still elapse.
/// </summary>
public sealed class FrozenWallClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
