namespace MlRisk.Core.Calendar;

/// <summary>
/// The system clock moved so that it read <c>start</c> when this instance was made; from there it runs at the real
/// rate, so elapsed times, lock waits and timers behave as on the system clock. Timestamps and timers are the
/// system's: only the wall-clock reading is shifted.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start, TimeProvider real) : TimeProvider
{
    private readonly long _origin = real.GetTimestamp();

    public override DateTimeOffset GetUtcNow() => start + real.GetElapsedTime(_origin);
}
