using MlRisk.Core.Calendar;
using MlRisk.Tests.Support;

namespace MlRisk.Tests.Calendar;

public class TradingCalendarTests
{
    [Theory]
    [InlineData("2020-01-01")] // New Year's Day
    [InlineData("2020-04-10")] // Good Friday
    [InlineData("2022-06-20")] // Juneteenth observed on Monday
    [InlineData("2021-07-05")] // Independence Day observed on Monday
    [InlineData("2012-10-29")] // Hurricane Sandy
    [InlineData("2022-11-24")] // Thanksgiving
    [InlineData("2021-12-24")] // Christmas observed on Friday
    public void Exchange_holidays_are_not_sessions(string date) =>
        Assert.False(TradingCalendar.IsTradingDay(DateOnly.Parse(date)));

    [Fact]
    public void New_years_day_on_a_saturday_leaves_the_friday_before_a_session() =>
        Assert.True(TradingCalendar.IsTradingDay(new DateOnly(2021, 12, 31)));

    [Theory]
    [InlineData("2024-03-15T19:59:00Z", "2024-03-14")] // 15:59 in New York: Friday's session is still open
    [InlineData("2024-03-15T20:00:00Z", "2024-03-15")] // 16:00 in New York: closed
    [InlineData("2024-03-17T12:00:00Z", "2024-03-15")] // Sunday
    public void Last_completed_session_waits_for_the_new_york_close(string now, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), TradingCalendar.LastCompletedSession(DateTimeOffset.Parse(now)));

    [RealMarketFact]
    public void Sessions_match_every_spy_trading_date_from_2000_to_2022()
    {
        var spyDates = File.ReadLines(Path.Combine(MarketData.Folder!, "SPY.csv"))
            .Skip(1)
            .Select(line => DateOnly.Parse(line[..line.IndexOf(',')]))
            .Where(d => d.Year >= 2000)
            .ToList();

        var sessions = TradingCalendar.Sessions(spyDates[0], spyDates[^1]).ToList();

        Assert.Equal(spyDates.Except(sessions), []);
        Assert.Equal(sessions.Except(spyDates), []);
    }
}
