using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlRisk.Core.Contracts;
using MlRisk.Core.Explain;
using MlRisk.Core.Features;
using MlRisk.Core.Modeling;
using MlRisk.Core.Sources.Csv;

namespace MlRisk.Bench;

/// <summary>
/// Stopwatch numbers for issue 3 on the real CSV folder: walk-forward wall and CPU time with the default
/// settings, the out-of-sample accuracy table from 2013, explained batch forecasts per second (rv_5d_hat plus
/// TreeSHAP top 3) and the latency of one explained forecast, as /predict computes it.
/// Stopwatch rather than BenchmarkDotNet: one walk-forward takes seconds, so a handful of repeats is enough.
/// </summary>
public static class ModelingBench
{
    private const int WalkForwardRepeats = 3;
    private const int BatchRepeats = 5;
    private const int SingleCalls = 2_000;

    public static async Task<int> RunAsync(string folder, string resultsFolder, CancellationToken ct)
    {
        var (features, labels) = await ReadAsync(folder, ct);
        var set = TrainingSet.Join(features, labels);
        var options = new ModelingOptions();
        Console.WriteLine($"{set.Rows} labelled rows {set.Dates[0]:yyyy-MM-dd}..{set.Dates[^1]:yyyy-MM-dd}, {Environment.ProcessorCount} cores");

        var wall = new List<double>();
        var cpu = new List<double>();
        WalkForwardResult? result = null;
        for (var i = 0; i < WalkForwardRepeats; i++)
        {
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            result = new WalkForward(options).Run(set, ct);
            wall.Add(watch.Elapsed.TotalSeconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
        }
        var accuracy = AccuracyTable.Score(result!.Predictions, new DateOnly(2013, 1, 1));
        Console.WriteLine($"walk-forward, {result.Folds.Count} folds: wall {Median(wall):F2} s (min {wall.Min():F2} s), CPU {Median(cpu):F2} s");
        Console.WriteLine(accuracy.ToText());

        using var model = VolatilityModelTrainer.Train(set, set.Rows, options);
        var forecaster = new Forecaster(model);
        forecaster.ExplainBatch(set.Features);
        var batchRates = new List<double>();
        for (var i = 0; i < BatchRepeats; i++)
        {
            var watch = Stopwatch.StartNew();
            var forecasts = forecaster.ExplainBatch(set.Features);
            batchRates.Add(forecasts.Count / watch.Elapsed.TotalSeconds);
        }
        var row = set.Row(set.Rows - 1).ToArray();
        var single = Stopwatch.StartNew();
        for (var i = 0; i < SingleCalls; i++) forecaster.Explain(row);
        var singleMicroseconds = single.Elapsed.TotalMicroseconds / SingleCalls;
        Console.WriteLine($"explained batch forecasts: {Median(batchRates):F0}/s; one explained forecast: {singleMicroseconds:F0} µs");

        Directory.CreateDirectory(resultsFolder);
        var path = Path.Combine(resultsFolder, "modeling.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
        {
            rows = set.Rows,
            folds = result.Folds.Count,
            walk_forward_wall_seconds = Median(wall),
            walk_forward_cpu_seconds = Median(cpu),
            explained_forecasts_per_second = Median(batchRates),
            explained_forecast_microseconds = singleMicroseconds,
            accuracy_from_2013 = accuracy,
        }, ModelRegistry.Json), ct);
        Console.WriteLine($"wrote {path}");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>Features and labels as the pipeline builds them: CSV bars, curated log returns of the adjusted close.</summary>
    private static async Task<(IReadOnlyList<FeatureRow>, IReadOnlyList<LabelRow>)> ReadAsync(string folder, CancellationToken ct)
    {
        var sourceOptions = new CsvSourceOptions { Folder = folder };
        var source = new CsvMarketSource(Options.Create(sourceOptions), NullLogger<CsvMarketSource>.Instance);
        var curated = new List<CuratedRow>();
        foreach (var symbol in Symbols.All)
        {
            var bars = await source.FetchAsync(symbol, sourceOptions.Start, new DateOnly(2100, 1, 1), ct);
            for (var i = 1; i < bars.Count; i++)
            {
                curated.Add(new CuratedRow(symbol, bars[i].Date, Math.Log(bars[i].AdjClose / bars[i - 1].AdjClose), bars[i].AdjClose));
            }
        }
        return (FeatureBuilder.Build(curated), LabelBuilder.Build(curated));
    }

    public const string Usage =
        "usage: MlRisk.Bench MARKET_FOLDER [RESULTS_FOLDER]   (or set MLRISK_MARKET_DATA); results default to bench/results";
}
