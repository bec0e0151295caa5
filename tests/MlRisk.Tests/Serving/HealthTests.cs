using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MlRisk.Core.Serving;
using MlRisk.Tests.Functions;

namespace MlRisk.Tests.Serving;

/// <summary>/health counts NYSE sessions from the last data and forecast dates to the last completed session, in New York time.</summary>
public sealed class HealthTests
{
    private static async Task<HealthResponse> HealthAtAsync(DateTimeOffset now, FakeLake? lake = null)
    {
        var result = await MlRiskApi.HealthAsync(
            lake ?? new FakeLake(), new FakeChampion(serving: true), new FakeTimeProvider(now), Options.Create(new ServingOptions()), CancellationToken.None);
        return result.Value!;
    }

    /// <summary>Monday 2024-07-01 after the close (21:00 New York): Friday's data is one session behind.</summary>
    private static readonly DateTimeOffset MondayNight = new(2024, 7, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Data_of_friday_is_current_until_mondays_close()
    {
        // Monday 2024-07-01 15:59 New York (19:59 UTC): Friday 2024-06-28 is still the last completed session.
        var health = await HealthAtAsync(new DateTimeOffset(2024, 7, 1, 19, 59, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2024, 6, 28), health.LastCompletedSession);
        Assert.Equal(0, health.StalenessSessions);
        Assert.Equal("ok", health.Status);
    }

    [Fact]
    public async Task One_session_behind_is_ok_and_more_is_stale()
    {
        var afterMonday = await HealthAtAsync(new DateTimeOffset(2024, 7, 1, 20, 1, 0, TimeSpan.Zero));
        // Independence Day (Thursday 2024-07-04) is closed: by Friday's close the data is 4 sessions behind.
        var afterFriday = await HealthAtAsync(new DateTimeOffset(2024, 7, 5, 21, 0, 0, TimeSpan.Zero));

        Assert.Equal((1, "ok"), (afterMonday.StalenessSessions, afterMonday.Status));
        Assert.Equal((4, "stale"), (afterFriday.StalenessSessions, afterFriday.Status));
    }

    [Fact]
    public async Task Fresh_data_without_a_forecast_from_it_is_stale()
    {
        var lake = new FakeLake();
        // Infer last ran on Wednesday 2024-06-26; features reached Friday.
        lake.Latest = lake.Latest! with { Date = new DateOnly(2024, 6, 26) };

        var health = await HealthAtAsync(MondayNight, lake);

        Assert.Equal((new DateOnly(2024, 6, 28), new DateOnly(2024, 6, 26)), (health.LastDataDate, health.LastForecastDate));
        Assert.Equal((1, 3), (health.StalenessSessions, health.ForecastStalenessSessions));
        Assert.Equal("stale", health.Status);
    }

    [Fact]
    public async Task Data_with_no_forecast_at_all_is_stale()
    {
        var health = await HealthAtAsync(MondayNight, new FakeLake { Latest = null });

        Assert.Null(health.LastForecastDate);
        Assert.Null(health.ForecastStalenessSessions);
        Assert.Equal("stale", health.Status);
    }
}
