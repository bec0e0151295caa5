using System.Globalization;

namespace MlRisk.Core.Modeling;

/// <summary>
/// The champion gate of DESIGN §5: a model may be served only if its out-of-sample QLIKE or RMSE
/// beats the baseline's by at least the margin (improvement = 1 - model / baseline).
/// </summary>
public static class Gate
{
    public static GateDecision Decide(AccuracyTable accuracy, double margin)
    {
        var qlike = accuracy.Model.QLikeImprovement;
        var rmse = accuracy.Model.RmseImprovement;
        var passed = qlike >= margin || rmse >= margin;
        var numbers = string.Format(
            CultureInfo.InvariantCulture,
            "QLIKE {0:F4} vs baseline {1:F4} ({2:P1}), RMSE {3:F6} vs baseline {4:F6} ({5:P1}), margin {6:P1}, {7} out-of-sample rows",
            accuracy.Model.QLike, accuracy.Baseline.QLike, qlike, accuracy.Model.Rmse, accuracy.Baseline.Rmse, rmse, margin, accuracy.Rows);
        var summary = passed
            ? $"passed: the model beats the baseline by at least the margin ({numbers})"
            : $"failed: neither QLIKE nor RMSE beats the baseline by the margin ({numbers}); the model is stored but not served";
        return new GateDecision(passed, margin, qlike, rmse, summary);
    }
}
