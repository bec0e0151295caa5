using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlRisk.Core.Calendar;

namespace MlRisk.Tests.Calendar;

public class ClockTests
{
    private static readonly DateTimeOffset Start = new(2024, 6, 28, 22, 0, 0, TimeSpan.Zero);

    private static ServiceProvider Compose(string? now, TimeProvider? registeredBefore = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Clock:Now"] = now })
            .Build();
        var services = new ServiceCollection();
        if (registeredBefore is not null) services.AddSingleton(registeredBefore);
        return services.AddMlRiskClock(configuration).BuildServiceProvider();
    }

    [Fact]
    public void A_shifted_clock_reads_its_start_and_then_runs_at_the_rate_of_the_real_clock()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var clock = new ShiftedClock(Start, real);

        Assert.Equal(Start, clock.GetUtcNow());
        real.Advance(TimeSpan.FromMinutes(7));
        Assert.Equal(Start.AddMinutes(7), clock.GetUtcNow());
    }

    [Fact]
    public void Clock_now_replaces_the_system_clock_registered_before_it()
    {
        using var services = Compose("2024-06-28T22:00:00Z", registeredBefore: TimeProvider.System);

        var clock = services.GetRequiredService<TimeProvider>();

        Assert.IsType<ShiftedClock>(clock);
        Assert.InRange(clock.GetUtcNow(), Start, Start.AddMinutes(1));
        Assert.Equal(new DateOnly(2024, 6, 28), TradingCalendar.LastCompletedSession(clock.GetUtcNow()));
    }

    [Fact]
    public void Without_clock_now_the_app_keeps_the_clock_registered_before_it_or_the_system_clock()
    {
        var fake = new FakeTimeProvider(Start);
        using var withFake = Compose(null, registeredBefore: fake);
        using var bare = Compose(null);

        Assert.Same(fake, withFake.GetRequiredService<TimeProvider>());
        Assert.Same(TimeProvider.System, bare.GetRequiredService<TimeProvider>());
    }

    [Theory]
    [InlineData("friday evening")]
    [InlineData("2024-06-28T22:00:00")]
    [InlineData("2024-06-28")]
    public void A_clock_now_that_is_not_an_instant_with_its_offset_fails_at_composition_naming_the_setting(string now)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compose(now));

        Assert.Contains("Clock:Now", error.Message);
        Assert.Contains($"'{now}'", error.Message);
    }

    [Theory]
    [InlineData("2024-06-28T18:00:00-04:00")]
    [InlineData("2024-06-28T22:00:00.000Z")]
    public void A_clock_now_with_an_offset_is_read_as_that_instant(string now)
    {
        using var services = Compose(now);

        Assert.InRange(services.GetRequiredService<TimeProvider>().GetUtcNow(), Start, Start.AddMinutes(1));
    }
}
