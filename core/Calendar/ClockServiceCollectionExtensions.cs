using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MlRisk.Core.Calendar;

/// <summary>Registers the app's <see cref="TimeProvider"/>: the system clock, or the one <see cref="ClockOptions.Now"/> sets.</summary>
public static class ClockServiceCollectionExtensions
{
    public static IServiceCollection AddMlRiskClock(this IServiceCollection services, IConfiguration configuration)
    {
        // Read here, not through IOptions: the clock is needed while the host is still being built, and a value the
        // binder cannot read fails now, naming the setting.
        var options = configuration.GetSection(ClockOptions.Section).Get<ClockOptions>();
        // Replace, not TryAdd: logging registers the system clock before the core does.
        if (options?.Now is { } now) services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new ShiftedClock(now, TimeProvider.System)));
        else services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
