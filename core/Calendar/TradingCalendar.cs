namespace MlRisk.Core.Calendar;

/// <summary>
/// The NYSE trading calendar: weekends, the exchange's regular holidays with their weekend
/// observance rules, and the unscheduled closures since 1990. Sessions close at 16:00 New York time.
/// </summary>
public static class TradingCalendar
{
    public static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static readonly TimeOnly Close = new(16, 0);

    private static readonly HashSet<DateOnly> UnscheduledClosures =
    [
        new(1994, 4, 27), // President Nixon's funeral
        new(2001, 9, 11), new(2001, 9, 12), new(2001, 9, 13), new(2001, 9, 14),
        new(2004, 6, 11), // President Reagan's funeral
        new(2007, 1, 2), // President Ford's funeral
        new(2012, 10, 29), new(2012, 10, 30), // Hurricane Sandy
        new(2018, 12, 5), // President G. H. W. Bush's funeral
        new(2025, 1, 9), // President Carter's funeral
    ];

    public static bool IsTradingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !IsHoliday(date)
        && !UnscheduledClosures.Contains(date);

    /// <summary>Trading days in [from, to], in order.</summary>
    public static IEnumerable<DateOnly> Sessions(DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1))
        {
            if (IsTradingDay(d)) yield return d;
        }
    }

    /// <summary>The last session whose close (16:00 New York) is at or before <paramref name="now"/>.</summary>
    public static DateOnly LastCompletedSession(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, NewYork);
        var day = DateOnly.FromDateTime(local.DateTime);
        if (TimeOnly.FromDateTime(local.DateTime) < Close) day = day.AddDays(-1);
        return OnOrBefore(day);
    }

    /// <summary>The trading day <paramref name="sessions"/> sessions before <paramref name="date"/> (0 = date itself if it trades).</summary>
    public static DateOnly SessionsBefore(DateOnly date, int sessions)
    {
        var day = OnOrBefore(date);
        for (var i = 0; i < sessions; i++) day = OnOrBefore(day.AddDays(-1));
        return day;
    }

    /// <summary><paramref name="day"/> if it trades, else the trading day before it.</summary>
    private static DateOnly OnOrBefore(DateOnly day)
    {
        while (!IsTradingDay(day)) day = day.AddDays(-1);
        return day;
    }

    private static bool IsHoliday(DateOnly d)
    {
        var y = d.Year;
        // New Year's Day falling on a Saturday is not observed on the Friday before (NYSE rule 7.2).
        if (d == Observed(new DateOnly(y, 1, 1)) && d.Month == 1) return true;
        if (y >= 1998 && d == NthWeekday(y, 1, DayOfWeek.Monday, 3)) return true; // Martin Luther King Jr. Day
        if (d == NthWeekday(y, 2, DayOfWeek.Monday, 3)) return true; // Washington's Birthday
        if (d == EasterSunday(y).AddDays(-2)) return true; // Good Friday
        if (d == LastWeekday(y, 5, DayOfWeek.Monday)) return true; // Memorial Day
        if (y >= 2022 && d == Observed(new DateOnly(y, 6, 19))) return true; // Juneteenth
        if (d == Observed(new DateOnly(y, 7, 4))) return true; // Independence Day
        if (d == NthWeekday(y, 9, DayOfWeek.Monday, 1)) return true; // Labor Day
        if (d == NthWeekday(y, 11, DayOfWeek.Thursday, 4)) return true; // Thanksgiving
        if (d == Observed(new DateOnly(y, 12, 25))) return true; // Christmas
        return false;
    }

    private static DateOnly Observed(DateOnly holiday) => holiday.DayOfWeek switch
    {
        DayOfWeek.Saturday => holiday.AddDays(-1),
        DayOfWeek.Sunday => holiday.AddDays(1),
        _ => holiday,
    };

    private static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int n)
    {
        var first = new DateOnly(year, month, 1);
        var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(offset + 7 * (n - 1));
    }

    private static DateOnly LastWeekday(int year, int month, DayOfWeek weekday)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var offset = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-offset);
    }

    /// <summary>Gregorian Easter Sunday (anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    private static DateOnly EasterSunday(int y)
    {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
        int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(y, month, day);
    }
}
