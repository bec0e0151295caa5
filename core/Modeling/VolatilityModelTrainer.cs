using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Core.Modeling;

/// <summary>
/// Fits a <see cref="VolatilityModel"/> on the first rows of a training set, touching no later row.
/// The model: OLS of ln rv_5d on the log-HAR-X regressors, then LightGBM on ln rv_5d with the OLS forecast
/// as init_score, so the trees learn only what the linear model misses.
/// The number of boosting rounds is chosen inside the window: the last <see cref="ModelingOptions.ValidationSessions"/>
/// rows are held out (after a purge), a model fitted on the rows before them picks the round count with the
/// lowest held-out squared log-error, the trees are kept only if that error is significantly below the base's alone,
/// and the model is refitted on the whole window with that round count (zero: the base alone). A spread that depends
/// on the features is kept by the same rule against one constant spread.
/// The predictive distribution around the model is fitted on the base's out-of-sample errors inside the window
/// (<see cref="ForwardBaseForecasts"/>): the trees' in-sample residuals understate the error, and one held-out year is
/// too regime-dependent to measure a spread on.
/// </summary>
public static class VolatilityModelTrainer
{
    /// <summary>
    /// Rounds are tried in steps of this many; a tree part below one step is not worth keeping, so a window LightGBM
    /// stops in before one step (nothing left to split) leaves the base alone. The cap, <c>Modeling:Booster:Iterations</c>,
    /// is validated at start to be at least one step.
    /// </summary>
    public const int RoundStep = 10;

    /// <summary>
    /// One-sided Diebold–Mariano level at which an optional part of the model (the trees; a spread that depends on the
    /// features) must beat the simpler model on the held-out year to be kept. A part chosen on one year's noise
    /// otherwise costs RMSE and QLIKE out of sample; the simpler model is the champion here and the part the
    /// challenger, as between served models.
    /// </summary>
    public const double ComponentSignificance = 0.05;

    public static VolatilityModel Train(TrainingSet set, int trainEnd, ModelingOptions options)
    {
        if (trainEnd > set.Rows) throw new ArgumentOutOfRangeException(nameof(trainEnd), trainEnd, $"the training set has {set.Rows} rows");
        var validationStart = trainEnd - options.ValidationSessions;
        var innerEnd = validationStart - options.WalkForward.PurgeSessions;
        if (innerEnd < options.ValidationSessions)
        {
            throw new ArgumentException(
                $"a training window of {trainEnd} rows is too short to hold out Modeling:ValidationSessions = {options.ValidationSessions} " +
                "sessions and train on as many before them; lower ValidationSessions or raise WalkForward:InitialTrainingSessions");
        }

        // The first year of the window is only fitted on; every later row is forecast by a base that did not see it.
        // Blocks start at the first row, so the forecasts of the inner rows are the same whether the window ends there or at trainEnd.
        var first = options.ValidationSessions;
        var forward = ForwardBaseForecasts.Compute(set, first, trainEnd, options.WalkForward.RefitEverySessions, options.WalkForward.PurgeSessions);

        int rounds;
        bool varyingScale;
        using (var inner = Fit(set, innerEnd, options.Booster))
        {
            rounds = BestRounds(set, validationStart, trainEnd, inner);
            if (rounds > 0 && !TreesBeatBase(set, validationStart, trainEnd, inner, rounds)) rounds = 0;
            varyingScale = VaryingScaleHelps(set, first, innerEnd, validationStart, trainEnd, inner, rounds, forward.AsSpan(0, innerEnd - first));
        }
        var full = Fit(set, trainEnd, options.Booster with { Iterations = rounds });
        var distribution = PredictiveDistribution.Fit(
            set.Block(first, trainEnd), full.LogRv.AsSpan(first), forward, set.Ret5d.AsSpan(first, trainEnd - first), options.Cuts, varyingScale);
        return new VolatilityModel(full.Base, full.Trees, distribution);
    }

    /// <summary>
    /// The round count, a multiple of <see cref="RoundStep"/>, with the lowest squared log-error on rows [start, end);
    /// 0 when LightGBM built fewer than one step.
    /// </summary>
    private static int BestRounds(TrainingSet set, int start, int end, Parts inner)
    {
        var rows = end - start;
        var residual = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            residual[r] = LogHarBase.LogTarget(set.Rv5d[start + r]) - inner.Base.Predict(set.Row(start + r));
        }
        var validation = set.Block(start, end);
        var best = 0;
        var bestError = double.PositiveInfinity;
        for (var k = RoundStep; k <= inner.Trees.Iterations; k += RoundStep)
        {
            var trees = inner.Trees.PredictRaw(validation, k);
            var error = 0.0;
            for (var r = 0; r < rows; r++)
            {
                var e = residual[r] - trees[r];
                error += e * e;
            }
            if (error < bestError)
            {
                bestError = error;
                best = k;
            }
        }
        return best;
    }

    /// <summary>
    /// Whether the trees' <paramref name="rounds"/> lower the squared log-error of the base alone on rows [start, end)
    /// significantly (Diebold–Mariano, lag 4 for the overlapping labels).
    /// </summary>
    private static bool TreesBeatBase(TrainingSet set, int start, int end, Parts inner, int rounds)
    {
        var rows = end - start;
        var trees = inner.Trees.PredictRaw(set.Block(start, end), rounds);
        var baseLoss = new double[rows];
        var treesLoss = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var e = LogHarBase.LogTarget(set.Rv5d[start + r]) - inner.Base.Predict(set.Row(start + r));
            baseLoss[r] = e * e;
            treesLoss[r] = (e - trees[r]) * (e - trees[r]);
        }
        return DieboldMariano.Test(baseLoss, treesLoss).PValue < ComponentSignificance;
    }

    /// <summary>
    /// Whether a spread that depends on the features beats one constant spread significantly on the held-out rows
    /// [start, end), by the QLIKE loss of var_5d_hat (the gate's loss; one-sided Diebold–Mariano at
    /// <see cref="ComponentSignificance"/>): both fitted, as the served spread is, on the base's forward errors of the
    /// inner rows [first, innerEnd) (<paramref name="forward"/>), both around the inner model's center with the chosen
    /// round count. Decided inside every training window, like the trees.
    /// </summary>
    private static bool VaryingScaleHelps(
        TrainingSet set, int first, int innerEnd, int start, int end, Parts inner, int rounds, ReadOnlySpan<double> forward)
    {
        var features = set.Block(first, innerEnd);
        var logRv = inner.LogRv.AsSpan(first, innerEnd - first);
        var varying = PredictiveDistribution.FitSpread(features, logRv, forward, varyingScale: true);
        var constant = PredictiveDistribution.FitSpread(features, logRv, forward, varyingScale: false);
        double[] varyingShocks = [.. varying.Shocks.Values];
        double[] constantShocks = [.. constant.Shocks.Values];
        var rows = end - start;
        // LightGBM reads 0 iterations as all of them.
        var trees = rounds > 0 ? inner.Trees.PredictRaw(set.Block(start, end), rounds) : new double[rows];
        var varyingLoss = new List<double>(rows);
        var constantLoss = new List<double>(rows);
        for (var r = 0; r < rows; r++)
        {
            var realized = set.Rv5d[start + r];
            if (!QLike.IsDefinedFor(realized)) continue;
            var row = set.Row(start + r);
            var center = inner.Base.Predict(row) + trees[r];
            varyingLoss.Add(QLike.Loss(realized, PredictiveDistribution.SecondMoment(center, varying.Scale.Scale(row), varyingShocks)));
            constantLoss.Add(QLike.Loss(realized, PredictiveDistribution.SecondMoment(center, constant.Scale.Scale(row), constantShocks)));
        }
        return DieboldMariano.Test([.. constantLoss], [.. varyingLoss]).PValue < ComponentSignificance;
    }

    private sealed record Parts(LogHarBase Base, Booster Trees, double[] LogRv) : IDisposable
    {
        public void Dispose() => Trees.Dispose();
    }

    private static Parts Fit(TrainingSet set, int trainEnd, BoosterParameters parameters)
    {
        var features = set.Block(0, trainEnd);
        var logRv = new double[trainEnd];
        for (var r = 0; r < trainEnd; r++) logRv[r] = LogHarBase.LogTarget(set.Rv5d[r]);

        var linearBase = LogHarBase.Fit(features, logRv);
        var initScore = new double[trainEnd];
        for (var r = 0; r < trainEnd; r++) initScore[r] = linearBase.Predict(set.Row(r));

        using var data = new LightGbmDataset(features, FeatureNames.Count, logRv, initScore, parameters, FeatureNames.All);
        return new Parts(linearBase, Booster.Train(data, parameters), logRv);
    }
}
