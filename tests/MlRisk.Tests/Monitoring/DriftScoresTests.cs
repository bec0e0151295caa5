using MlRisk.Core.Contracts;
using MlRisk.Core.Monitoring;

namespace MlRisk.Tests.Monitoring;

public sealed class DriftScoresTests
{
    /// <summary>A training distribution uniform on [0, 100]: its k-th percentile is k.</summary>
    private static readonly double[] Uniform = [.. Enumerable.Range(0, FeatureReference.Points).Select(k => (double)k)];

    [Fact]
    public void Psi_is_zero_when_each_training_decile_holds_the_same_share_of_recent_values()
    {
        Assert.Equal(0.0, DriftScores.Psi(Uniform, [5, 15, 25, 35, 45, 55, 65, 75, 85, 95]), 12);
    }

    [Fact]
    public void Psi_floors_empty_deciles_so_recent_values_all_in_one_decile_give_a_finite_known_value()
    {
        var expected = 0.9 * Math.Log(10) + 9 * (1e-4 - 0.1) * Math.Log(1e-4 / 0.1);

        Assert.Equal(expected, DriftScores.Psi(Uniform, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 12);
        Assert.Equal(8.2831, expected, 4);
    }

    [Fact]
    public void Ks_is_the_largest_gap_between_the_recent_steps_and_the_training_cdf()
    {
        Assert.Equal(0.5, DriftScores.Ks(Uniform, [50]), 12);
        Assert.Equal(0.25, DriftScores.Ks(Uniform, [25, 75]), 12);
        Assert.Equal(1.0, DriftScores.Ks(Uniform, [150, 160]), 12);
    }

    [Fact]
    public void Out_of_range_counts_values_beyond_the_training_minimum_and_maximum_but_not_on_them()
    {
        Assert.Equal(0.5, DriftScores.OutOfRange(Uniform, [-1, 50, 101, 100]), 12);
    }

    [Fact]
    public void The_training_cdf_counts_a_run_of_tied_percentiles_at_its_top()
    {
        double[] tied = [.. Enumerable.Range(0, FeatureReference.Points).Select(k => k < 50 ? 0.0 : k - 49.0)];

        Assert.Equal(0.49, FeatureReference.Cdf(tied, 0.0), 12);
        Assert.Equal(0.495, FeatureReference.Cdf(tied, 0.5), 12);
        Assert.Equal(0.0, FeatureReference.Cdf(tied, -0.1), 12);
        Assert.Equal(1.0, FeatureReference.Cdf(tied, 51.0), 12);
    }

    [Fact]
    public void Percentiles_interpolate_between_order_statistics()
    {
        var percentiles = FeatureReference.PercentilesOf([3, 1, 2]);

        Assert.Equal(1.0, percentiles[0]);
        Assert.Equal(1.5, percentiles[25], 12);
        Assert.Equal(2.0, percentiles[50], 12);
        Assert.Equal(3.0, percentiles[100]);
    }
}

public sealed class LiveScoreboardTests
{
    [Fact]
    public void One_realized_forecast_scores_qlike_on_the_second_moment_and_rmse_on_the_points()
    {
        var scores = LiveScoreboard.Of([new MonitoredForecast(0.02, 0.02, 0.0004, 0.01, 0.04, In80: true, In90: false)]);

        Assert.Equal(1, scores.Sessions);
        Assert.Equal(0.0, scores.QlikeModel, 12);
        Assert.Equal(3 - Math.Log(4), scores.QlikeBaseline, 12);
        Assert.Equal(0.25 - Math.Log(0.25) - 1, scores.QlikeHarX, 12);
        Assert.Equal(0.0, scores.RmseModel, 12);
        Assert.Equal(0.01, scores.RmseBaseline, 12);
        Assert.Equal(0.02, scores.RmseHarX, 12);
        Assert.Equal(1.0, scores.Coverage80);
        Assert.Equal(0.0, scores.Coverage90);
        Assert.Equal(0.5, scores.DmPBaseline);
    }

    [Fact]
    public void A_model_worse_than_the_baseline_on_every_date_of_the_window_has_a_small_diebold_mariano_p()
    {
        var window = Enumerable.Range(0, 63)
            .Select(i => new MonitoredForecast(0.02 * (1 + 0.3 * Math.Sin(i)), 0.01, 0.0001, 0.02, 0.02, In80: false, In90: false))
            .ToList();

        var scores = LiveScoreboard.Of(window);

        Assert.True(scores.QlikeRatioBaseline > 1);
        Assert.True(scores.DmPBaseline < 1e-6, $"p {scores.DmPBaseline}");
    }

    [Fact]
    public void A_realized_rv_of_zero_counts_in_rmse_and_coverage_but_not_in_qlike()
    {
        var scores = LiveScoreboard.Of(
        [
            new MonitoredForecast(0.0, 0.01, 0.0001, 0.01, 0.01, In80: false, In90: false),
            new MonitoredForecast(0.02, 0.02, 0.0004, 0.02, 0.02, In80: true, In90: true),
        ]);

        Assert.Equal(2, scores.Sessions);
        Assert.Equal(0.0, scores.QlikeModel, 12);
        Assert.Equal(Math.Sqrt(0.0001 / 2), scores.RmseModel, 12);
        Assert.Equal(0.5, scores.Coverage80);
    }
}

public sealed class MonitorRulesTests
{
    private static readonly MonitoringOptions Options = new();

    private static readonly FeatureReference[] References =
        [.. FeatureNames.All.Select(f => new FeatureReference(f, [.. Enumerable.Range(0, FeatureReference.Points).Select(k => (double)k)], PsiP99: 0.5, PsiMax: 1.0))];

    private static FeatureDrift[] Quiet => [.. FeatureNames.All.Select(f => new FeatureDrift(f, 0.05, 0.1, 0.0))];

    private static LiveScores Scores(int sessions, double modelQlike, double p) =>
        new(sessions, modelQlike, 0.5, 0.45, 0.01, 0.012, 0.011, 0.8, 0.9, p, 0.5);

    [Fact]
    public void A_quiet_full_window_is_ok_with_no_reasons()
    {
        var (status, reasons) = new MonitorRules(Options).Judge(Scores(63, 0.4, 0.9), Quiet, References);

        Assert.Equal(MonitorStatus.Ok, status);
        Assert.Empty(reasons);
    }

    [Fact]
    public void Trailing_the_baseline_is_a_warn_until_diebold_mariano_finds_it_significant()
    {
        var (warn, warnReasons) = new MonitorRules(Options).Judge(Scores(63, 0.6, 0.2), Quiet, References);
        var (alert, alertReasons) = new MonitorRules(Options).Judge(Scores(63, 0.6, 0.01), Quiet, References);

        Assert.Equal(MonitorStatus.Warn, warn);
        Assert.Equal(MonitorStatus.Alert, alert);
        Assert.StartsWith("alert: qlike_ratio_baseline 1.200 > 1 over the last 63 realized forecasts, Diebold–Mariano p 0.010 < 0.05", Assert.Single(alertReasons));
        Assert.StartsWith("warn: qlike_ratio_baseline 1.200", Assert.Single(warnReasons));
    }

    [Fact]
    public void A_short_window_sets_no_status_from_its_scores()
    {
        var (status, _) = new MonitorRules(Options).Judge(Scores(20, 0.9, 0.0001), Quiet, References);

        Assert.Equal(MonitorStatus.Ok, status);
    }

    [Fact]
    public void Drift_is_judged_against_the_training_windows_and_the_training_range()
    {
        var drift = Quiet;
        drift[FeatureNames.IndexOf(FeatureNames.Vix)] = new FeatureDrift(FeatureNames.Vix, 0.7, 0.3, 0.0);
        drift[FeatureNames.IndexOf(FeatureNames.CorrSpyTlt20d)] = new FeatureDrift(FeatureNames.CorrSpyTlt20d, 0.3, 0.3, 0.1);
        drift[FeatureNames.IndexOf(FeatureNames.VixTerm)] = new FeatureDrift(FeatureNames.VixTerm, 1.2, 0.4, 0.0);

        var (status, reasons) = new MonitorRules(Options).Judge(Scores(63, 0.4, 0.9), drift, References);

        Assert.Equal(MonitorStatus.Alert, status);
        Assert.Equal(3, reasons.Count);
        Assert.Contains(reasons, r => r.StartsWith("warn: psi vix 0.700 > 0.500, the 99th percentile of its training windows", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("alert: out_of_range corr_spy_tlt_20d 10 % of the last 63 sessions outside its training range [0, 100]", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("alert: psi vix_term 1.200 > 1.000, beyond every 63-session window of its training rows", StringComparison.Ordinal));
    }

    [Fact]
    public void Features_the_settings_exclude_are_scored_but_set_no_status()
    {
        var drift = Quiet;
        drift[FeatureNames.IndexOf(FeatureNames.Vix)] = new FeatureDrift(FeatureNames.Vix, 3.0, 0.9, 0.5);

        var (status, reasons) = new MonitorRules(new MonitoringOptions { StatusIgnoresDriftOf = [FeatureNames.Vix] }).Judge(Scores(63, 0.4, 0.9), drift, References);

        Assert.Equal(MonitorStatus.Ok, status);
        Assert.Empty(reasons);
    }
}
