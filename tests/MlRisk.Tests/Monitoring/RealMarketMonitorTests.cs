using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlRisk.Core.Contracts;
using MlRisk.Functions.Cli;
using MlRisk.Tests.Support;
using Xunit.Abstractions;

namespace MlRisk.Tests.Monitoring;

/// <summary>
/// The monitor over the real market folder's walk-forward history: the whole pipeline through ./mlrisk run on the CSV
/// source, then the 2013–2022 monitoring rows counted by status and by the features and metrics behind them (printed).
/// </summary>
public sealed class RealMarketMonitorTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mlrisk-real-monitor-" + Guid.NewGuid().ToString("N"));

    [RealMarketFact]
    public async Task The_monitor_scores_every_realized_date_of_2013_to_2022_and_names_what_it_flags()
    {
        var run = new RunCommand((services, _) =>
            services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2023, 1, 3, 23, 0, 0, TimeSpan.Zero))));
        Assert.Equal(0, await run.RunAsync(
            ["--input", MarketData.Folder!, "--data", Path.Combine(_root, "data"), "--artifacts", Path.Combine(_root, "artifacts")], default));

        var rows = (await StructuralBreakFixture.MonitoringRows(_root))
            .Where(r => r.Date >= new DateOnly(2013, 1, 1) && r.Date <= new DateOnly(2022, 12, 30)).ToList();
        var byStatus = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{rows.Count} monitored sessions 2013–2022: ok {byStatus.GetValueOrDefault(MonitorStatus.Ok)}, warn {byStatus.GetValueOrDefault(MonitorStatus.Warn)}, alert {byStatus.GetValueOrDefault(MonitorStatus.Alert)}"));
        var flagged = rows.SelectMany(r => r.Reasons)
            .Select(reason => reason.Split(' ') is var words && FeatureNames.IndexOf(words[2]) >= 0 ? string.Join(' ', words.Take(3)) : string.Join(' ', words.Take(2)))
            .GroupBy(key => key)
            .OrderByDescending(g => g.Count());
        foreach (var g in flagged) output.WriteLine($"{g.Count(),5} sessions  {g.Key}");
        foreach (var year in rows.GroupBy(r => r.Date.Year))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{year.Key}: alert {year.Count(r => r.Status == MonitorStatus.Alert)}, warn {year.Count(r => r.Status == MonitorStatus.Warn)}, rolling QLIKE ratio to baseline median {Median(year.Select(r => r.Scores.QlikeRatioBaseline)):F3}"));
        }

        Assert.True(rows.Count > 2400, $"{rows.Count} monitored sessions");
        Assert.All(rows, r => Assert.All(r.Drift, d => Assert.True(double.IsFinite(d.Psi) && double.IsFinite(d.Ks), $"{r.Date} {d.Feature}")));
        Assert.All(rows, r => Assert.True(double.IsFinite(r.Scores.QlikeRatioBaseline) && double.IsFinite(r.Scores.RmseRatioHarX), $"{r.Date}"));
        // 2020's crash took VIX and realized vol beyond anything in 2009–2019: the monitor must say so.
        Assert.Contains(rows, r => r.Date.Year == 2020 && r.Status == MonitorStatus.Alert && r.Reasons.Any(x => x.Contains(" spy_vol_5d ") || x.Contains(" vix ")));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
