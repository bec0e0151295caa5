namespace MlRisk.Bench;

/// <summary>
/// A clock whose "now" starts at a pinned instant and then advances with real time, so a pipeline run
/// believes it is that evening while its stage durations and timers stay real.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly long _origin = TimeProvider.System.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + TimeProvider.System.GetElapsedTime(_origin);
}
