using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;

namespace MlRisk.Core.Monitoring;

/// <summary>
/// The rolling live scores of a window of realized forecasts, each forecaster scored as in the walk-forward
/// (DESIGN §5): QLIKE of var_5d_hat for the model and of the squared point for the baseline and HAR-X, RMSE of the
/// points, and Diebold–Mariano (HAC lag 4, as for the champion/challenger test) on the QLIKE differentials. A realized
/// rv_5d of 0 has no QLIKE (<see cref="QLike.IsDefinedFor"/>), so such a date counts in RMSE and coverage only.
/// </summary>
public static class LiveScoreboard
{
    public static LiveScores Of(IReadOnlyList<MonitoredForecast> window)
    {
        if (window.Count == 0) throw new ArgumentException("the live scores need at least one realized forecast", nameof(window));
        double sModel = 0, sBaseline = 0, sHarX = 0;
        int scored = 0, in80 = 0, in90 = 0;
        var lossModel = new double[window.Count];
        var lossBaseline = new double[window.Count];
        var lossHarX = new double[window.Count];
        foreach (var f in window)
        {
            if (QLike.IsDefinedFor(f.Realized))
            {
                lossModel[scored] = QLike.Loss(f.Realized, f.Var5dHat);
                lossBaseline[scored] = QLike.Loss(f.Realized, f.Baseline * f.Baseline);
                lossHarX[scored] = QLike.Loss(f.Realized, f.HarX * f.HarX);
                scored++;
            }
            sModel += Square(f.Realized - f.Rv5dHat);
            sBaseline += Square(f.Realized - f.Baseline);
            sHarX += Square(f.Realized - f.HarX);
            if (f.In80) in80++;
            if (f.In90) in90++;
        }
        var n = window.Count;
        var model = lossModel.AsSpan(0, scored);
        var baseline = lossBaseline.AsSpan(0, scored);
        var harX = lossHarX.AsSpan(0, scored);
        return new LiveScores(
            n, Mean(model), Mean(baseline), Mean(harX),
            Math.Sqrt(sModel / n), Math.Sqrt(sBaseline / n), Math.Sqrt(sHarX / n),
            (double)in80 / n, (double)in90 / n, PValue(model, baseline), PValue(model, harX));
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values) sum += v;
        return values.Length == 0 ? 0 : sum / values.Length;
    }

    /// <summary>The one-sided p-value that the model is worse; 0.5 (no evidence) while the window is too short for the HAC variance.</summary>
    private static double PValue(ReadOnlySpan<double> model, ReadOnlySpan<double> benchmark) =>
        model.Length > DieboldMariano.OverlapLag + 1 ? DieboldMariano.Test(model, benchmark).PValue : 0.5;

    private static double Square(double x) => x * x;
}
