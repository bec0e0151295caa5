using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlRisk.Bench.EndToEnd;
using MlRisk.Bench.Http;
using MlRisk.Bench.Micro;
using MlRisk.Bench.Report;
using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;
using MlRisk.Core.Sources.Csv;

namespace MlRisk.Bench;

/// <summary>
/// <c>make bench</c>: end-to-end pipeline runs as real processes (real CSV folder when set, synthetic default,
/// incremental one day), BenchmarkDotNet micro-benchmarks, single-call /predict latencies, a bounded loopback HTTP
/// load; then one table on stdout and bench/results/latest.json. Progress goes to stderr.
/// </summary>
public static class BenchCommand
{
    private static readonly DateOnly AccuracyFrom = new(2013, 1, 1);

    /// <summary>
    /// tmpfs: the real-folder runs are repeated with the lake in memory, which separates the app's own cost from
    /// the disk's (creating ~14,000 files and folders is most of a cold run on a busy ext4 disk).
    /// </summary>
    private const string MemoryFolder = "/dev/shm";

    public static async Task<int> RunAsync(BenchSettings settings, CancellationToken ct)
    {
        if (!File.Exists(settings.FunctionsApp))
        {
            Console.Error.WriteLine($"error: {settings.FunctionsApp} is missing; publish it as ./mlrisk does: ./mlrisk --help");
            return 2;
        }

        var time = TimeProvider.System;
        var started = time.GetUtcNow();
        var loadAtStart = LoadAverage.Read();
        var work = Path.Combine(Path.GetTempPath(), $"mlrisk-bench-{Environment.ProcessId}");
        var memory = Path.Combine(MemoryFolder, $"mlrisk-bench-{Environment.ProcessId}");
        Progress.Report($"{settings.Runs} run(s) per scenario, scratch folder {work}, load average {loadAtStart}");
        try
        {
            var scenarios = new PipelineScenarios(settings, work, time);
            var real = settings.MarketData is { } market
                ? await scenarios.ColdAndNoOpAsync("real", ["--source", "csv", "--input", market], ct)
                : null;
            if (real is null) Progress.Report($"{BenchSettings.MarketDataVariable} is not set: no real-folder runs");
            var realInMemory = settings.MarketData is { } marketFolder && Directory.Exists(MemoryFolder)
                ? await scenarios.ColdAndNoOpAsync("real-in-memory", ["--source", "csv", "--input", marketFolder], ct, memory)
                : null;
            var synthetic = await scenarios.ColdAndNoOpAsync("synthetic", ["--source", "synthetic"], ct);
            List<IncrementalRuns> incremental = [];
            if (settings.MarketData is { } csv)
            {
                incremental.Add(await scenarios.IncrementalAsync("real", ["--source", "csv", "--input", csv], await LastSpySessionAsync(csv, ct), ct));
            }
            incremental.Add(await scenarios.IncrementalAsync("synthetic", ["--source", "synthetic"], scenarios.LastSyntheticSession, ct));

            var historyLake = real ?? synthetic;
            Progress.Report($"loading the micro-benchmark inputs ({historyLake.Source} history, synthetic /predict)");
            using var predict = await PredictCall.CreateAsync(synthetic.Lake, ct);
            using var history = await HistoryInputs.LoadAsync(historyLake.Lake, ct);
            MicroBenchInputs.Predict = predict;
            MicroBenchInputs.History = history;
            var micro = MicroBenchRunner.Run(settings.ResultsFolder);

            Progress.Report($"{settings.PredictSamples:N0} single /predict calls in process");
            var handlerLatency = await PredictLatency.HandlerAsync(predict, settings.PredictSamples, ct);
            var forecasterLatency = PredictLatency.Forecaster(predict, settings.PredictSamples);
            var http = await LoopbackHttpBench.RunAsync(settings, synthetic.Lake, predict.Body, work, time, ct);
            var accuracy = real is null ? null : await AccuracyAsync(real.Lake, ct);

            var results = new BenchResults(
                started, time.GetUtcNow(), settings, loadAtStart, LoadAverage.Read(),
                real, realInMemory, synthetic, incremental,
                historyLake.Source, history.FeatureRows, micro, handlerLatency, forecasterLatency, http, accuracy);
            var table = BenchReport.Tabulate(results);
            Console.WriteLine(table.Render(BenchReport.Header(results)));
            var json = Path.Combine(settings.ResultsFolder, "latest.json");
            await BenchReport.WriteJsonAsync(json, results, table, ct);
            Console.WriteLine($"wrote {Path.GetRelativePath(settings.Root, json)}");
            return 0;
        }
        finally
        {
            MicroBenchInputs.Predict = null;
            MicroBenchInputs.History = null;
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
            if (Directory.Exists(memory)) Directory.Delete(memory, recursive: true);
        }
    }

    /// <summary>The acceptance tables of issues 3 and 10: the champion's walk-forward predictions from 2013 on.</summary>
    private static async Task<ChampionScores> AccuracyAsync(LakeFolder lake, CancellationToken ct)
    {
        var registry = new ModelRegistry(lake.Artifacts, TimeProvider.System);
        var champion = await registry.ReadChampionAsync(ct)
            ?? throw new InvalidDataException($"{registry.ModelsFolder}: no champion.json after the real-folder run");
        var metadata = await registry.ReadMetadataAsync(champion.Version, ct);
        var scored = (await registry.ReadCvPredictionsAsync(champion.Version, ct)).Where(p => p.Date >= AccuracyFrom).ToList();
        return new ChampionScores(AccuracyTable.Score(scored), CalibrationTable.Score(scored, metadata.RegimeCuts));
    }

    /// <summary>The last SPY session of the CSV folder: the day the real incremental run adds.</summary>
    private static async Task<DateOnly> LastSpySessionAsync(string folder, CancellationToken ct)
    {
        var source = new CsvMarketSource(Options.Create(new CsvSourceOptions { Folder = folder }), NullLogger<CsvMarketSource>.Instance);
        var bars = await source.FetchAsync(Symbols.Spy, source.DefaultStart, DateOnly.MaxValue, ct);
        return bars[^1].Date;
    }
}
