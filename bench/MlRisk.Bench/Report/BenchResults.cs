using MlRisk.Bench.EndToEnd;
using MlRisk.Bench.Http;
using MlRisk.Bench.Micro;
using MlRisk.Core.Modeling;

namespace MlRisk.Bench.Report;

/// <summary>Everything one bench measured, before it becomes the table and latest.json.</summary>
public sealed record BenchResults(
    DateTimeOffset StartedUtc,
    DateTimeOffset FinishedUtc,
    BenchSettings Settings,
    LoadAverage LoadAtStart,
    LoadAverage LoadAtEnd,
    ScenarioRuns? Real,
    ScenarioRuns? RealInMemory,
    ScenarioRuns Synthetic,
    IReadOnlyList<IncrementalRuns> Incremental,
    string HistoryLakeSource,
    int HistoryFeatureRows,
    IReadOnlyList<MicroResult> Micro,
    LatencySample HandlerLatency,
    LatencySample ForecasterLatency,
    HttpBenchResult Http,
    ChampionScores? RealScoresFrom2013);

/// <summary>How the real-folder champion's walk-forward predictions from 2013 on score: points and distribution.</summary>
public sealed record ChampionScores(AccuracyTable Accuracy, CalibrationTable Calibration);
