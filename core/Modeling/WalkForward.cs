using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling.LightGbm;

namespace MlRisk.Core.Modeling;

/// <summary>
/// Runs the walk-forward of DESIGN §5: for every fold, fits the model, HAR-RV and HAR-X on the fold's
/// training rows only and forecasts its test block; the baseline needs no fit. Every forecaster is scored
/// on exactly the same rows. Folds are independent, so they run in parallel; each fold's result depends
/// only on its rows, so the output does not depend on the schedule.
/// </summary>
public sealed class WalkForward(ModelingOptions options)
{
    public WalkForwardResult Run(TrainingSet set, CancellationToken ct) => Run(set, new Dictionary<int, OutOfSamplePrediction[]>(), ct);

    /// <summary>The folds of <paramref name="set"/>, in order.</summary>
    public IReadOnlyList<WalkForwardFold> Folds(TrainingSet set) => new WalkForwardSplitter(options.WalkForward).Split(set.Rows);

    /// <summary>
    /// The walk-forward with the predictions of the folds in <paramref name="known"/> (by fold index) taken as given:
    /// only the other folds are fitted. A fold's predictions depend only on its rows and the settings
    /// (<see cref="FoldKey"/>), so the result equals a cold run bit for bit.
    /// </summary>
    public WalkForwardResult Run(TrainingSet set, IReadOnlyDictionary<int, OutOfSamplePrediction[]> known, CancellationToken ct)
    {
        var folds = Folds(set);
        if (folds.Count == 0)
        {
            throw new InvalidOperationException(
                $"the training set has {set.Rows} rows, not more than the {options.WalkForward.InitialTrainingSessions} " +
                "sessions of Modeling:WalkForward:InitialTrainingSessions; there is nothing to test on yet");
        }
        var perFold = new OutOfSamplePrediction[folds.Count][];
        // Two folds at a time on one LightGBM thread each: the trees are too small for LightGBM's
        // own threading to pay off, and the thread count stays part of the parameters, so it is deterministic.
        var perFoldOptions = SingleThreaded(options);
        Parallel.For(0, folds.Count, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = ct },
            f => perFold[f] = known.TryGetValue(f, out var stored) ? stored : RunFold(set, folds[f], perFoldOptions));

        var predictions = new List<OutOfSamplePrediction>(set.Rows);
        foreach (var block in perFold) predictions.AddRange(block);
        return new WalkForwardResult(folds, predictions, AccuracyTable.Score(predictions), CalibrationTable.Score(predictions, options.Cuts));
    }

    /// <summary><paramref name="options"/> with LightGBM on one thread: how every fit of the walk-forward and the final fit run.</summary>
    public static ModelingOptions SingleThreaded(ModelingOptions options) => new()
    {
        WalkForward = options.WalkForward,
        Booster = options.Booster with { Threads = 1 },
        ValidationSessions = options.ValidationSessions,
        RegimeCuts = [.. options.Cuts],
        ChallengerSignificance = options.ChallengerSignificance,
        GateMargin = options.GateMargin,
    };

    private static OutOfSamplePrediction[] RunFold(TrainingSet set, WalkForwardFold fold, ModelingOptions options)
    {
        var train = set.Block(0, fold.TrainEnd);
        var trainRv = set.Rv5d.AsSpan(0, fold.TrainEnd);
        var har = HarModel.Fit(HarKind.HarRv, train, trainRv);
        var harX = HarModel.Fit(HarKind.HarX, train, trainRv);
        using var model = VolatilityModelTrainer.Train(set, fold.TrainEnd, options);
        var (constantWidth, climatology) = References(set, fold.TrainEnd, model.Base, options.Cuts);

        var test = set.Block(fold.TestStart, fold.TestEnd);
        var forecasts = new Forecaster(model).ExplainBatch(test);
        var centers = model.PredictLog(test);
        var predictions = new OutOfSamplePrediction[fold.TestRows];
        for (var i = 0; i < predictions.Length; i++)
        {
            var row = fold.TestStart + i;
            var features = set.Row(row);
            double Constant(double p) => Math.Exp(centers[i] + constantWidth.Quantile(p));
            var reference = new CalibrationReference(
                Constant(0.05), Constant(0.10), Constant(0.90), Constant(0.95), climatology[0], climatology[1], climatology[2], climatology[3]);
            predictions[i] = new OutOfSamplePrediction(
                set.Dates[row], fold.Index, forecasts[i].Distribution, Baseline.Forecast(features), har.Forecast(features),
                harX.Forecast(features), set.Rv5d[row], set.Ret5d[row], model.Distribution.Cdf(centers[i], features, set.Rv5d[row]),
                forecasts[i].Drivers, reference);
        }
        return predictions;
    }

    /// <summary>The fold's references: the base's in-window residual quantiles, and the regime frequencies of its training rows.</summary>
    private static (QuantileGrid ConstantWidth, double[] Climatology) References(
        TrainingSet set, int trainEnd, LogHarBase linearBase, IReadOnlyList<double> cuts)
    {
        var residuals = new double[trainEnd];
        var climatology = new double[Regimes.Names.Count];
        for (var r = 0; r < trainEnd; r++)
        {
            residuals[r] = LogHarBase.LogTarget(set.Rv5d[r]) - linearBase.Predict(set.Row(r));
            climatology[Regimes.Of(set.Rv5d[r], cuts)] += 1.0 / trainEnd;
        }
        return (QuantileGrid.Of(residuals), climatology);
    }
}
