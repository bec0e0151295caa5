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

    [Fact]
    public void A_clock_now_that_is_not_an_instant_fails_at_composition_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Compose("friday evening"));

        Assert.Contains("Clock:Now", error.Message);
        Assert.Contains("friday evening", error.Message);
    }
}
