namespace MlRisk.Core.Calendar;

/// <summary>
/// <paramref name="real"/> with its wall-clock reading moved so that it read <paramref name="start"/> when this instance
/// was made; from there it runs at the real clock's rate. Timestamps, timers and the local zone stay the real clock's,
/// so elapsed times, lock waits and schedules behave as on it.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start, TimeProvider real) : TimeProvider
{
    private readonly long _origin = real.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + real.GetElapsedTime(_origin);

    public override long GetTimestamp() => real.GetTimestamp();

    public override long TimestampFrequency => real.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);
}
