using System.Globalization;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Monitoring;

/// <summary>
/// Turns a date's live scores and drift into its status and reasons: every threshold crossed is one reason naming the
/// metric or feature, its value and the threshold; the status is the worst of them. Scores of a window shorter than
/// <see cref="MonitoringOptions.WindowSessions"/> (the first realized dates) set no status: a few dates say little.
/// A feature's PSI threshold is the larger of the configured one and, for a warn, the 99th percentile of its PSI over the
/// windows inside the training rows, for an alert their maximum (<see cref="FeatureReference"/>): a fixed PSI of 0.25
/// is noise for 63 sessions of a persistent feature, and fourteen features tested every day need a strict bar. Values
/// outside the training range are flagged on their own: the trees extrapolate flat there, and a break to levels never
/// seen shows first as such values, long before it dominates a 63-session PSI. KS is
/// reported beside it and sets no status, which would test every feature twice. A rolling QLIKE above the baseline's
/// is an alert only when Diebold–Mariano finds it significant: one bad month is expected of any forecaster.
/// </summary>
public sealed class MonitorRules(MonitoringOptions options)
{
    public (MonitorStatus Status, IReadOnlyList<string> Reasons) Judge(LiveScores scores, IReadOnlyList<FeatureDrift> drift, IReadOnlyList<FeatureReference> references)
    {
        var reasons = new List<string>();
        var status = MonitorStatus.Ok;
        void Raise(MonitorStatus level, string reason)
        {
            reasons.Add($"{MonitorStatusName.Of(level)}: {reason}");
            if (level > status) status = level;
        }

        if (scores.Sessions >= options.WindowSessions)
        {
            if (scores.QlikeRatioBaseline > options.QlikeRatioBaseline)
            {
                var significant = scores.DmPBaseline < options.Significance;
                Raise(significant ? MonitorStatus.Alert : MonitorStatus.Warn, Text(
                    $"qlike_ratio_baseline {scores.QlikeRatioBaseline:F3} > {options.QlikeRatioBaseline:G3} over the last {scores.Sessions} realized forecasts, Diebold–Mariano p {scores.DmPBaseline:F3}{(significant ? " < " : " >= ")}{options.Significance:G3}"));
            }
            if (scores.QlikeRatioHarX > options.QlikeRatioHarX && scores.DmPHarX < options.Significance)
            {
                Raise(MonitorStatus.Warn, Text(
                    $"qlike_ratio_har_x {scores.QlikeRatioHarX:F3} > {options.QlikeRatioHarX:G3} over the last {scores.Sessions} realized forecasts, Diebold–Mariano p {scores.DmPHarX:F3} < {options.Significance:G3}"));
            }
            CheckCoverage("coverage_80", scores.Coverage80, 0.80);
            CheckCoverage("coverage_90", scores.Coverage90, 0.90);
        }
        for (var f = 0; f < drift.Count; f++)
        {
            var d = drift[f];
            if (options.StatusIgnoresDriftOf.Contains(d.Feature, StringComparer.Ordinal)) continue;
            var r = references[f];
            var range = $"[{r.Percentiles[0]:G4}, {r.Percentiles[^1]:G4}]";
            if (d.OutOfRange >= options.OutOfRangeAlert) Raise(MonitorStatus.Alert, Text($"out_of_range {d.Feature} {d.OutOfRange:P0} of the last {options.WindowSessions} sessions outside its training range {range} >= {options.OutOfRangeAlert:P0}"));
            else if (d.OutOfRange > 0) Raise(MonitorStatus.Warn, Text($"out_of_range {d.Feature} {d.OutOfRange:P0} of the last {options.WindowSessions} sessions outside its training range {range}"));
            var alert = Math.Max(options.PsiAlert, r.PsiMax);
            var warn = Math.Max(options.PsiWarn, r.PsiP99);
            if (d.Psi > alert) Raise(MonitorStatus.Alert, Text($"psi {d.Feature} {d.Psi:F3} > {alert:F3}, beyond every {options.WindowSessions}-session window of its training rows (ks {d.Ks:F3})"));
            else if (d.Psi > warn) Raise(MonitorStatus.Warn, Text($"psi {d.Feature} {d.Psi:F3} > {warn:F3}, the 99th percentile of its training windows (ks {d.Ks:F3})"));
        }
        return (status, reasons);

        void CheckCoverage(string name, double coverage, double nominal)
        {
            if (Math.Abs(coverage - nominal) > options.CoverageTolerance)
            {
                Raise(MonitorStatus.Warn, Text($"{name} {coverage:P0} is more than {options.CoverageTolerance:P0} from {nominal:P0}"));
            }
        }
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
