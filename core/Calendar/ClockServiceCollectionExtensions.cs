using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MlRisk.Core.Calendar;

/// <summary>Registers the app's <see cref="TimeProvider"/>: the system clock, or the one <see cref="ClockOptions.Now"/> sets.</summary>
public static partial class ClockServiceCollectionExtensions
{
    public static IServiceCollection AddMlRiskClock(this IServiceCollection services, IConfiguration configuration)
    {
        // Read here, not through IOptions: the clock is needed while the host is still being built, and a value the
        // binder cannot read fails now, naming the setting.
        var section = configuration.GetSection(ClockOptions.Section);
        var value = section[nameof(ClockOptions.Now)];
        // The binder would read an instant without an offset in the machine's zone, and the zone would pick the day.
        if (!string.IsNullOrWhiteSpace(value) && !EndsWithOffset().IsMatch(value))
        {
            throw new InvalidOperationException(
                $"{ClockOptions.Section}:Now = '{value}' is not an instant with its offset: give one such as 2024-06-28T22:00:00Z "
                + "or 2024-06-28T18:00:00-04:00, or leave it unset for the system clock.");
        }
        var options = section.Get<ClockOptions>();
        // Replace, not TryAdd: logging registers the system clock before the core does.
        if (options?.Now is { } now) services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new ShiftedClock(now, TimeProvider.System)));
        else services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    [GeneratedRegex(@"^\s*\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EndsWithOffset();
}
