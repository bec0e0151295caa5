namespace MlRisk.Core.Calendar;

/// <summary>Settings of the app's clock (configuration section <c>Clock</c>).</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    /// <summary>
    /// The instant the app takes as now when it starts, e.g. <c>2024-06-28T22:00:00Z</c>; its clock then runs forward
    /// from there (<see cref="ShiftedClock"/>). It decides the last completed session a run ingests to, so a run
    /// replays that day, and a test's processes agree on the day whatever hour they run at. Unset: the system clock.
    /// Every process started with one value starts at that same instant, and run ids begin with the start time: give
    /// the later of two processes sharing a lake the later instant, or the first's run may read as the latest.
    /// </summary>
    public DateTimeOffset? Now { get; set; }
}
