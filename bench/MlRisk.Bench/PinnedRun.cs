using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MlRisk.Core.Calendar;
using MlRisk.Functions.Cli;

namespace MlRisk.Bench;

/// <summary>
/// <c>MlRisk.Bench pinned-run YYYY-MM-DD [run options]</c>: the CLI's own <see cref="RunCommand"/> in a process
/// of its own, with only the <see cref="TimeProvider"/> replaced by a <see cref="ShiftedClock"/> set two hours
/// after that session's close. The app has no setting for "now", so this is how the incremental one-day run is
/// measured without deleting anything from a lake: build the lake as of one session, then run as of the next.
/// </summary>
public static class PinnedRun
{
    public const string Verb = "pinned-run";

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1 || !DateOnly.TryParseExact(args[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var session)
            || !TradingCalendar.IsTradingDay(session))
        {
            Console.Error.WriteLine($"usage: MlRisk.Bench {Verb} YYYY-MM-DD (a trading day) [./mlrisk run options]");
            return 2;
        }

        var command = new RunCommand((services, _) => services.AddSingleton<TimeProvider>(new ShiftedClock(AfterClose(session))));
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        return await command.RunAsync(args[1..], cts.Token);
    }

    /// <summary>18:00 New York time on <paramref name="session"/>: its close has passed, the next session's has not.</summary>
    public static DateTimeOffset AfterClose(DateOnly session)
    {
        var local = session.ToDateTime(new TimeOnly(18, 0), DateTimeKind.Unspecified);
        var utc = TimeZoneInfo.ConvertTimeToUtc(local, TradingCalendar.NewYork);
        return new DateTimeOffset(utc, TimeSpan.Zero);
    }
}
