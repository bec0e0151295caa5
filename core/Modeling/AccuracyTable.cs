using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;

namespace MlRisk.Core.Modeling;

/// <summary>
/// RMSE and QLIKE of the model, the baseline, HAR-RV and HAR-X on the same out-of-sample rows. Each metric scores
/// the functional it is consistent for (DESIGN §5): the model's RMSE is of its mean rv_5d_hat, its QLIKE of its
/// variance forecast var_5d_hat = E[rv_5d²]; the baseline and the HARs give one number, used for both.
/// <see cref="Rows"/> counts the rows RMSE averages; QLIKE leaves out the dates with a realized rv_5d of 0
/// (<see cref="QLike.IsDefinedFor"/>), the same dates for every forecaster, so the improvements still compare like with like.
/// </summary>
public sealed record AccuracyTable(DateOnly From, DateOnly To, int Rows, ForecastScore Model, ForecastScore Baseline, ForecastScore HarRv, ForecastScore HarX)
{
    public const string ModelName = "model";
    public const string BaselineName = "baseline";
    public const string HarRvName = "har_rv";
    public const string HarXName = "har_x";

    /// <summary>Scores the predictions dated in [from, to]; null bounds take every row.</summary>
    public static AccuracyTable Score(IReadOnlyList<OutOfSamplePrediction> predictions, DateOnly? from = null, DateOnly? to = null)
    {
        var selected = new List<OutOfSamplePrediction>(predictions.Count);
        foreach (var p in predictions)
        {
            if ((from is null || p.Date >= from) && (to is null || p.Date <= to)) selected.Add(p);
        }
        if (selected.Count == 0) throw new ArgumentException("no out-of-sample predictions in the requested date range");

        var realized = new double[selected.Count];
        var model = new double[selected.Count];
        var modelVolatility = new double[selected.Count];
        var baseline = new double[selected.Count];
        var har = new double[selected.Count];
        var harX = new double[selected.Count];
        for (var i = 0; i < selected.Count; i++)
        {
            realized[i] = selected[i].Realized;
            model[i] = selected[i].Model;
            modelVolatility[i] = Math.Sqrt(selected[i].Distribution.Var5dHat);
            baseline[i] = selected[i].Baseline;
            har[i] = selected[i].HarRv;
            harX[i] = selected[i].HarX;
        }
        var baselineRmse = Rmse.Compute(realized, baseline);
        var baselineQLike = QLike.Compute(realized, baseline);
        ForecastScore Score(string name, double[] forecast, double[]? qlikeVolatility = null)
        {
            var rmse = Rmse.Compute(realized, forecast);
            var qlike = QLike.Compute(realized, qlikeVolatility ?? forecast);
            return new ForecastScore(name, rmse, qlike, 1.0 - rmse / baselineRmse, 1.0 - qlike / baselineQLike);
        }
        return new AccuracyTable(
            selected[0].Date, selected[^1].Date, selected.Count,
            Score(ModelName, model, modelVolatility), Score(BaselineName, baseline), Score(HarRvName, har), Score(HarXName, harX));
    }

    /// <summary>The four scores in the order every table shows them: model, baseline, har_rv, har_x.</summary>
    [JsonIgnore]
    public IReadOnlyList<ForecastScore> All => [Model, Baseline, HarRv, HarX];

    /// <summary>A fixed-width table for logs, test output and the run summary.</summary>
    public string ToText()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"out-of-sample {From:yyyy-MM-dd}..{To:yyyy-MM-dd}, {Rows} rows").AppendLine();
        text.AppendLine("forecaster    RMSE       vs base   QLIKE     vs base");
        foreach (var s in All)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{s.Forecaster,-12} {s.Rmse,9:F6}  {s.RmseImprovement,7:P1}  {s.QLike,8:F4}  {s.QLikeImprovement,7:P1}").AppendLine();
        }
        return text.ToString();
    }
}
