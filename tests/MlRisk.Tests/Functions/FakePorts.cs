using System.Collections.Concurrent;
using System.Text.Json;
using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Serving;
using MlRisk.Core.Modeling.LightGbm;
using MlRisk.Tests.Modeling;

namespace MlRisk.Tests.Functions;

/// <summary>
/// In-test implementations of the serving ports: the seam between the HTTP side under test and the lake/model
/// areas. A year of forecast history on NYSE sessions, features for every stored date, and a linear forecaster
/// whose output and SHAP values are easy to check by hand.
/// </summary>
public sealed class FakeLake : IForecastReader, IRunSummaryStore
{
    public static readonly DateOnly LastDate = new(2024, 6, 28);

    public FakeLake(int sessions = 260)
    {
        var dates = new List<DateOnly>();
        for (var d = LastDate; dates.Count < sessions; d = d.AddDays(-1))
        {
            if (TradingCalendar.IsTradingDay(d)) dates.Add(d);
        }
        dates.Reverse();
        for (var i = 0; i < dates.Count; i++)
        {
            var values = SampleFeatures(0.002 * Math.Sin(i / 7.0));
            Features[dates[i]] = new FeatureRow(dates[i], values);
            var forecast = LinearForecaster.Instance.Predict(values);
            var realized = i < dates.Count - 5 ? forecast.Rv5dHat * (1 + 0.2 * Math.Cos(i / 5.0)) : (double?)null;
            History.Add(new PredictionHistoryPoint(
                dates[i], forecast.Rv5dHat, realized, values[FeatureNames.IndexOf(FeatureNames.SpyVol20d)] * Math.Sqrt(5.0 / 20.0),
                "fake-v1", i < dates.Count - 20 ? "walk_forward" : "champion", forecast.Distribution));
        }
        if (History.Count == 0) return;
        var last = History[^1];
        var latest = LinearForecaster.Instance.Predict(Features[last.Date].Features);
        Latest = new PredictionRow(last.Date, latest.Distribution, latest.Drivers,
            last.ModelVersion, last.Source);
    }

    public ConcurrentDictionary<DateOnly, FeatureRow> Features { get; } = new();

    public List<PredictionHistoryPoint> History { get; } = [];

    public List<MonitoringRow> Monitoring { get; } = [];

    public PredictionRow? Latest { get; set; }

    public RunSummary? RunSummary { get; set; } = new(
        "run-1", "manual", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(1), StageStatus.Succeeded,
        [new StageSummary(StageName.Ingest, StageStatus.Succeeded, DateTimeOffset.UnixEpoch, 1000,
            new StageResult(StageName.Ingest, 0, [new Core.Lake.PartitionWriteResult("raw.market", 3, 15, 0, 0, 0, [])], []), null)],
        null);

    /// <summary>The 14 features of a calm market, in FeatureNames order, with spy_ret_1d = ret1d.</summary>
    public static double[] SampleFeatures(double ret1d = 0.001) =>
        [ret1d, 0.004, 0.012, 0.018, 0.027, 0.038, 0.03, 15.5, 17.9, 17.9 / 15.5, 55.0, -0.35, 0.72, 0.0004];

    public Task<PredictionRow?> LatestAsync(CancellationToken ct) => Task.FromResult(Latest);

    public Task<IReadOnlyList<PredictionHistoryPoint>> HistoryAsync(DateOnly? from, DateOnly? to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<PredictionHistoryPoint>>(
            History.Where(p => (from is null || p.Date >= from) && (to is null || p.Date <= to)).ToList());

    public Task<IReadOnlyList<MonitoringRow>> MonitoringAsync(DateOnly? from, DateOnly? to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<MonitoringRow>>([.. Monitoring.Where(r => !(r.Date < from) && !(r.Date > to))]);

    public Task<FeatureRow?> FeaturesAsync(DateOnly date, CancellationToken ct) =>
        Task.FromResult(Features.TryGetValue(date, out var row) ? row : null);

    public Task<DateOnly?> LastDataDateAsync(CancellationToken ct) =>
        Task.FromResult(Features.IsEmpty ? (DateOnly?)null : Features.Keys.Max());

    public Task<RunSummary?> ReadLatestAsync(CancellationToken ct) => Task.FromResult(RunSummary);

    public Task WriteAsync(RunSummary summary, CancellationToken ct)
    {
        RunSummary = summary;
        return Task.CompletedTask;
    }
}

/// <summary>rv_5d_hat = exp(-4 + Σ wᵢ xᵢ) with SHAP φᵢ = wᵢ xᵢ (exact for a linear model in log space with zero baseline).</summary>
public sealed class LinearForecaster : IForecaster
{
    public static readonly LinearForecaster Instance = new();

    private static readonly double[] Weights = [-8, -2, -1, 3, 2, 6, 1.5, 0.01, -0.005, 0.1, -0.002, 0.05, -0.05, 1];

    public Forecast Predict(FeatureVector features)
    {
        var shap = new double[FeatureNames.Count];
        var log = -4.0;
        for (var i = 0; i < shap.Length; i++)
        {
            shap[i] = Weights[i] * features[i];
            log += shap[i];
        }
        var top = Enumerable.Range(0, shap.Length).OrderByDescending(i => Math.Abs(shap[i])).Take(3)
            .Select(i => new Driver(FeatureNames.All[i], features[i], shap[i])).ToList();
        return new Forecast(TestDistributions.Around(Math.Exp(log)), top);
    }
}

public sealed class FakeChampion(bool serving) : IChampionModel
{
    public static readonly ModelCard Card = ModelCard.Of(Metadata("fake-v1",
        new ForecastScore(AccuracyTable.ModelName, 0.0105, 0.48, 1 - 0.0105 / 0.0127, 1 - 0.48 / 0.694),
        new GateDecision(true, 0.02, 1 - 0.48 / 0.694, 1 - 0.0105 / 0.0127,
            "QLIKE 0.4800 vs baseline 0.6940 (-30.8%), RMSE 0.01050 vs 0.01270 (-17.3%): passed")));

    public static readonly ModelCard FailedCard = ModelCard.Of(Metadata("fake-v0",
        new ForecastScore(AccuracyTable.ModelName, 0.01275, 0.69, 1 - 0.01275 / 0.0127, 1 - 0.69 / 0.694),
        new GateDecision(false, 0.02, 1 - 0.69 / 0.694, 1 - 0.01275 / 0.0127,
            "QLIKE 0.6900 vs baseline 0.6940 (-0.6%), RMSE 0.01275 vs 0.01270 (+0.4%): failed")));

    /// <summary>
    /// Metadata as the trainer writes it, with the scores given and training ranges that hold
    /// <see cref="FakeLake.SampleFeatures"/> but not a VIX above 60.
    /// </summary>
    private static ModelMetadata Metadata(string version, ForecastScore model, GateDecision gate)
    {
        var sample = FakeLake.SampleFeatures();
        var ranges = FeatureNames.All.Select((f, i) => f == FeatureNames.Vix
            ? new FeatureRange(f, 9, 60)
            : new FeatureRange(f, Math.Min(sample[i] * 0.5, sample[i] * 2) - 0.01, Math.Max(sample[i] * 0.5, sample[i] * 2) + 0.01)).ToList();
        var options = new ModelingOptions();
        return new ModelMetadata
        {
            Version = version,
            CreatedAt = DateTimeOffset.UnixEpoch,
            TrainingFrom = new DateOnly(2010, 1, 4),
            TrainingTo = new DateOnly(2024, 6, 21),
            TrainingRows = 3600,
            TrainingFingerprint = "fake",
            FeatureNames = FeatureNames.All,
            FeatureRanges = ranges,
            Parameters = options.Booster,
            LightGbmParameters = options.Booster.ToLightGbmString(),
            Seed = 42,
            LightGbmVersion = "fake",
            BoostingRounds = 0,
            BaseCoefficients = [],
            BaseMeans = [],
            ScaleCoefficients = TestDistributions.LogNormal.Scale.Coefficients,
            Shocks = TestDistributions.LogNormal.Shocks.Values,
            ReturnTail = TestDistributions.LogNormal.ReturnTail,
            RegimeCuts = TestDistributions.LogNormal.RegimeCuts,
            WalkForward = options.WalkForward,
            ValidationSessions = options.ValidationSessions,
            Folds = 1,
            Accuracy = new AccuracyTable(new DateOnly(2013, 1, 2), new DateOnly(2024, 6, 21), 2900, model,
                new ForecastScore(AccuracyTable.BaselineName, 0.0127, 0.694, 0, 0),
                new ForecastScore(AccuracyTable.HarRvName, 0.0112, 0.56, 1 - 0.0112 / 0.0127, 1 - 0.56 / 0.694),
                new ForecastScore(AccuracyTable.HarXName, 0.0104, 0.49, 1 - 0.0104 / 0.0127, 1 - 0.49 / 0.694)),
            Gate = gate,
            Calibration = new CalibrationTable(2900, 0.79, 0.89, 0.021, 0.026, 0.022, 0.028, 0.12, 0.19, 1 - 0.12 / 0.19,
                [290, 290, 290, 290, 290, 290, 290, 290, 290, 290],
                new VarBacktest(0.95, 580, 31, 31 / 580.0, 0.62, 0.41), new VarBacktest(0.99, 580, 7, 7 / 580.0, 0.61, 0.68),
                Reliability: null),
        };
    }

    public Task<ChampionState> GetAsync(CancellationToken ct) => Task.FromResult(serving
        ? ChampionState.Serving(LinearForecaster.Instance, Card)
        : ChampionState.None("Candidate fake-v0 failed the gate.", FailedCard));
}

public sealed class RecordingTrigger : IPipelineTrigger
{
    public ConcurrentQueue<(IReadOnlyList<StageName> Stages, string Trigger)> Runs { get; } = new();

    public Task RunAsync(IReadOnlyList<StageName> stages, string trigger, CancellationToken ct)
    {
        Runs.Enqueue((stages, trigger));
        return Task.CompletedTask;
    }
}
