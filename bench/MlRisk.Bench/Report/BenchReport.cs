using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using MlRisk.Bench.EndToEnd;
using MlRisk.Bench.Http;
using MlRisk.Bench.Micro;
using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;
using MlRisk.Core.Modeling;
using MlRisk.Core.Pipeline;

namespace MlRisk.Bench.Report;

/// <summary>
/// Turns <see cref="BenchResults"/> into the table, with the targets of issues 2–4 beside the numbers they judge,
/// and into bench/results/latest.json (the table rows plus every raw measurement).
/// </summary>
public static class BenchReport
{
    private static readonly StageName[] DataStages = [StageName.Ingest, StageName.Features, StageName.Labels];
    private static readonly StageName[] AllStages = Enum.GetValues<StageName>();

    public static ResultsTable Tabulate(BenchResults results)
    {
        var table = new ResultsTable();
        if (results.Real is { } real) AddScenario(table, real, "real CSV folder", coldTarget: true);
        if (results.RealInMemory is { } inMemory)
        {
            AddScenario(table, inMemory, "real CSV folder, lake on tmpfs (/dev/shm): the app's cost without the disk's", coldTarget: false);
        }
        AddScenario(table, results.Synthetic, "synthetic default", coldTarget: false);
        AddIncremental(table, results);
        AddTraining(table, results);
        if (results.RealScoresFrom2013 is { } scores)
        {
            AddAccuracy(table, scores.Accuracy);
            AddCalibration(table, scores.Calibration);
        }
        AddMicro(table, results);
        AddHttp(table, results);
        return table;
    }

    public static IEnumerable<string> Header(BenchResults results)
    {
        var s = results.Settings;
        yield return $"MlRisk benchmark  {results.StartedUtc:yyyy-MM-dd HH:mm} UTC, {(results.FinishedUtc - results.StartedUtc).TotalMinutes:F1} min"
            + (s.Quick ? "  (--quick)" : "");
        yield return $"machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
        yield return $"load average (1/5/15 min): {results.LoadAtStart} at start, {results.LoadAtEnd} at end"
            + " (other engineers' builds and tests share these cores: numbers are upper bounds)";
        yield return $"end-to-end: real processes `dotnet functions/bin/…/MlRisk.Functions.dll run`, median of {s.Runs} run(s); "
            + $"stage times from artifacts/runs/<id>/summary.json; peak memory by {ChildProcess.MethodDescription}";
        yield return "incremental: lake built as a daily-run lake is, with the clock pinned after each close (a cold run five sessions back, "
            + "then one retraining run per session up to the one before the one added), copied, then run as of it "
            + "(the same app process with Clock__Now at 18:00 New York time of that session; nothing is deleted "
            + "from any lake); 'retrain due' sets Retrain__CadenceLabels=1, 'no retrain due' keeps the default cadence of 5 labels";
        yield return $"micro: BenchmarkDotNet 0.15.8 ShortRun (3 warm-up + 3 iterations, in-process toolchain), history = {results.HistoryLakeSource} lake "
            + $"({results.HistoryFeatureRows:N0} feature rows); /predict = synthetic lake's latest feature row";
        yield return $"HTTP: {results.Http.Tool} on 127.0.0.1 against `MlRisk.Functions.dll serve` on the synthetic run's folders, after a "
            + $"discarded {results.Http.WarmUp.Seconds:F0} s warm-up ({results.Http.WarmUp.RequestsPerSecond:N0} requests/s while the JIT tiers up); "
            + "the load tool runs on the same 2 cores as the server";
    }

    private static void AddScenario(ResultsTable table, ScenarioRuns runs, string label, bool coldTarget)
    {
        table.Section($"Cold full run, {label} (empty folders, every stage)");
        AddRuns(table, runs.Cold, coldTarget ? Target.Below(5, Unit.Seconds, "issue 2: cold run on the real folder") : null);
        table.Section($"No-op re-run, {label} (same command on the same folders)");
        AddRuns(table, runs.NoOp, Target.Below(1, Unit.Seconds, "issue 2: no-op re-run"));
    }

    private static void AddIncremental(ResultsTable table, BenchResults results)
    {
        foreach (var runs in results.Incremental)
        {
            var target = runs.Source == "real" ? Target.Below(1.5, Unit.Seconds, "issue 12: incremental one-day run, real folder") : null;
            table.Section($"Incremental one-day run, {runs.Source}, retrain due (adds {runs.Session:yyyy-MM-dd} to a lake one session behind; its label retrains)");
            AddRuns(table, runs.RetrainDue, null, target);
            table.Section($"Incremental one-day run, {runs.Source}, no retrain due (the same day, default cadence: train decides and does nothing)");
            AddRuns(table, runs.NoRetrainDue, null, target);
        }
    }

    private static void AddRuns(ResultsTable table, IReadOnlyList<PipelineRun> runs, Target? dataStagesTarget, Target? wallTarget = null)
    {
        table.Add("wall time, process start to exit", Median(runs, r => r.WallSeconds), Unit.Seconds,
            $"{Spread(runs, r => r.WallSeconds, Unit.Seconds)}; includes .NET start-up and every stage", wallTarget);
        table.Add("ingest → features → labels (stage sum)", Median(runs, r => DataStages.Sum(r.StageMs)) / 1000, Unit.Seconds,
            Spread(runs, r => DataStages.Sum(r.StageMs) / 1000, Unit.Seconds), dataStagesTarget);
        foreach (var stage in AllStages)
        {
            var written = Median(runs, r => r.Summary.Stages.First(s => s.Stage == stage).PartitionsWritten);
            table.Add($"  {stage.ToString().ToLowerInvariant()}", Median(runs, r => r.StageMs(stage)), Unit.Milliseconds,
                stage == StageName.Train ? "writes the model registry, not the lake" : $"{written.ToString("N0", CultureInfo.InvariantCulture)} partitions written");
        }
        table.Add("peak memory (max RSS)", Median(runs, r => r.PeakRssMiB), Unit.MiB, Spread(runs, r => r.PeakRssMiB, Unit.MiB));
        table.Add("partitions written", Median(runs, r => r.PartitionsWritten), Unit.Count, "all datasets");
    }

    private static void AddTraining(ResultsTable table, BenchResults results)
    {
        table.Section("Walk-forward training (the train stage alone: read, walk-forward folds, final fit, gate, registry)");
        if (results.Real is { } real)
        {
            table.Add("real CSV folder, cold run", Median(real.Cold, r => r.StageMs(StageName.Train)) / 1000, Unit.Seconds,
                Spread(real.Cold, r => r.StageMs(StageName.Train) / 1000, Unit.Seconds), Target.Below(5, Unit.Seconds, "issue 3: walk-forward on the real folder"));
        }
        table.Add("synthetic, cold run", Median(results.Synthetic.Cold, r => r.StageMs(StageName.Train)) / 1000, Unit.Seconds,
            Spread(results.Synthetic.Cold, r => r.StageMs(StageName.Train) / 1000, Unit.Seconds));
        foreach (var runs in results.Incremental)
        {
            table.Add($"{runs.Source}, incremental run, retrain due (last fold + final fit; other folds from the fold cache)", Median(runs.RetrainDue, r => r.StageMs(StageName.Train)) / 1000, Unit.Seconds,
                Spread(runs.RetrainDue, r => r.StageMs(StageName.Train) / 1000, Unit.Seconds));
            table.Add($"{runs.Source}, incremental run, no retrain due (the decision alone)", Median(runs.NoRetrainDue, r => r.StageMs(StageName.Train)), Unit.Milliseconds,
                $"{Spread(runs.NoRetrainDue, r => r.StageMs(StageName.Train), Unit.Milliseconds)}; reads champion.json, metadata.json, monitoring/latest.json and the labels listing");
        }
    }

    private static void AddAccuracy(ResultsTable table, AccuracyTable accuracy)
    {
        table.Section($"Out-of-sample accuracy, real CSV folder, {accuracy.From:yyyy-MM-dd}..{accuracy.To:yyyy-MM-dd} ({accuracy.Rows:N0} walk-forward predictions of the champion)");
        var m = accuracy.Model;
        table.Add("QLIKE improvement vs baseline", m.QLikeImprovement * 100, Unit.Percent,
            $"QLIKE of var_5d_hat: model {m.QLike:F4}, baseline {accuracy.Baseline.QLike:F4}", Target.AtLeast(40, Unit.Percent, "issue 10"));
        table.Add("RMSE improvement vs baseline", m.RmseImprovement * 100, Unit.Percent,
            $"RMSE of rv_5d_hat: model {m.Rmse:F5}, baseline {accuracy.Baseline.Rmse:F5}", Target.AtLeast(22, Unit.Percent, "issue 10"));
        table.Add("QLIKE improvement vs HAR-RV", (1 - m.QLike / accuracy.HarRv.QLike) * 100, Unit.Percent,
            $"HAR-RV {accuracy.HarRv.QLike:F4} ({accuracy.HarRv.QLikeImprovement * 100:F1} % vs baseline)", new Target("> 0 %", v => v > 0, "issue 3"));
        table.Add("QLIKE improvement vs HAR-X", (1 - m.QLike / accuracy.HarX.QLike) * 100, Unit.Percent,
            $"HAR-X {accuracy.HarX.QLike:F4} (issue 3 aims to beat it)");
        table.Add("RMSE improvement vs HAR-X", (1 - m.Rmse / accuracy.HarX.Rmse) * 100, Unit.Percent,
            $"HAR-X {accuracy.HarX.Rmse:F5}");
    }

    private static void AddCalibration(ResultsTable table, CalibrationTable c)
    {
        table.Section($"Predictive distribution, real CSV folder, same {c.Rows:N0} predictions (issue 10's floors)");
        table.Add("coverage of q10–q90", c.Coverage80 * 100, Unit.Percent, "nominal 80 %", Within(80, 3, "issue 10"));
        table.Add("coverage of q05–q95", c.Coverage90 * 100, Unit.Percent, "nominal 90 %", Within(90, 3, "issue 10"));
        table.Add("interval score 80 %, model", c.IntervalScore80, Unit.Number,
            $"constant log width {c.ConstantWidthIntervalScore80:F5}", Target.Below(c.ConstantWidthIntervalScore80, Unit.Number, "issue 10: below constant width"));
        table.Add("interval score 90 %, model", c.IntervalScore90, Unit.Number,
            $"constant log width {c.ConstantWidthIntervalScore90:F5}", Target.Below(c.ConstantWidthIntervalScore90, Unit.Number, "issue 10: below constant width"));
        table.Add("regime RPS improvement vs climatology", c.RankedProbabilityImprovement * 100, Unit.Percent,
            $"RPS {c.RankedProbabilityScore:F4}, climatology {c.ClimatologyRankedProbabilityScore:F4}", Target.AtLeast(30, Unit.Percent, "issue 10"));
        foreach (var v in new[] { c.Var95, c.Var99 })
        {
            var level = $"VaR {v.Level * 100:F0} %";
            table.Add($"{level}: exceedances in non-overlapping 5-session windows", v.Exceedances, Unit.Count,
                $"of {v.Windows:N0} windows ({v.ExceedanceRate * 100:F1} %, nominal {(1 - v.Level) * 100:F0} %)");
            table.Add($"{level}: Kupiec p", v.KupiecP, Unit.Number, "proportion of failures", Target.AtLeast(0.05, Unit.Number, "issue 10"));
            table.Add($"{level}: Christoffersen p", v.ChristoffersenP, Unit.Number, "independence", Target.AtLeast(0.05, Unit.Number, "issue 10"));
        }
        table.Add("PIT histogram, fullest tenth", c.PitHistogram.Max(), Unit.Count,
            $"tenths {string.Join(" ", c.PitHistogram)}; {c.Rows / (double)CalibrationTable.PitBins:F0} each if calibrated");
    }

    private static Target Within(double nominal, double points, string source) =>
        new($"{nominal - points:F0}–{nominal + points:F0} %", v => Math.Abs(v - nominal) <= points, source);

    private static void AddMicro(ResultsTable table, BenchResults results)
    {
        table.Section("In-process micro-benchmarks (BenchmarkDotNet, median per operation)");
        var batch = Micro(results, "shap_batch");
        table.Add("batch inference with SHAP", results.HistoryFeatureRows / (batch.MedianNs / 1e9), Unit.PerSecond,
            $"predictions/s: rv_5d_hat + TreeSHAP top 3 for {results.HistoryFeatureRows:N0} rows in {batch.MedianNs / 1e6:F1} ms");
        var fresh = Micro(results, "features_read_fresh");
        table.Add("read full features history (fresh reader)", fresh.MedianNs / 1e6, Unit.Milliseconds,
            $"LakeReader.ReadAllAsync(features_daily), {results.HistoryFeatureRows:N0} partitions, decode + checks, OS file cache warm");
        table.Add("read full features history (warm reader)", Micro(results, "features_read_warm").MedianNs / 1e6, Unit.Milliseconds,
            "same run again (LakeRunCache): listing shared, file reads + byte compare, decoded rows cached");
        table.Add("feature build, whole history", Micro(results, "feature_build").MedianNs / 1e6, Unit.Milliseconds,
            "FeatureBuilder.Build over curated.market_daily");
        var handler = Micro(results, "predict_handler");
        table.Add("/predict handler", handler.MedianNs / 1e3, Unit.Microseconds,
            $"MlRiskApi.PredictAsync + JSON response, {handler.AllocatedBytes?.ToString("N0", CultureInfo.InvariantCulture) ?? "?"} B allocated");
        table.Add("IForecaster.Predict (forecast + SHAP)", Micro(results, "forecaster_predict").MedianNs / 1e3, Unit.Microseconds);

        table.Section($"/predict in process, single calls (Stopwatch, {results.HandlerLatency.Calls:N0} calls after warm-up)");
        var p99 = Target.Below(2000, Unit.Microseconds, "issue 4: /predict p99");
        table.Add("handler p50", results.HandlerLatency.P50Us, Unit.Microseconds);
        table.Add("handler p99", results.HandlerLatency.P99Us, Unit.Microseconds, $"max {results.HandlerLatency.MaxUs:F0} µs", p99);
        table.Add("IForecaster.Predict p50", results.ForecasterLatency.P50Us, Unit.Microseconds);
        table.Add("IForecaster.Predict p99", results.ForecasterLatency.P99Us, Unit.Microseconds, $"max {results.ForecasterLatency.MaxUs:F0} µs");
    }

    private static void AddHttp(ResultsTable table, BenchResults results)
    {
        var http = results.Http;
        AddLoad(table, http.Throughput, "most requests/s the two cores give",
            Target.AtLeast(5000, Unit.PerSecond, "issue 4"), p99Target: null);
        AddLoad(table, http.Target, "issue 4's two targets at once",
            Target.AtLeast(5000, Unit.PerSecond, "issue 4"), Target.Below(2, Unit.Milliseconds, "issue 4"));
        AddLoad(table, http.SingleConnection, "no request waits behind another",
            rateTarget: null, Target.Below(2, Unit.Milliseconds, "issue 4"));
    }

    private static void AddLoad(ResultsTable table, HttpLoadResult load, string purpose, Target? rateTarget, Target? p99Target)
    {
        table.Section($"POST /predict over HTTP on loopback, {load.Connections} connection(s), {load.Seconds:F0} s ({load.Tool} -t{load.Threads}): {purpose}");
        var failed = load.FailedRequests > 0;
        var failure = failed ? $"; FAILED REQUESTS: {load.FailureDetail}" : "";
        table.Add("requests/s", load.RequestsPerSecond, Unit.PerSecond, $"{load.Requests:N0} requests{failure}", rateTarget, failed);
        table.Add("latency p50", load.P50Ms, Unit.Milliseconds,
            $"queueing: {load.Connections} in flight / throughput = {load.Connections / load.RequestsPerSecond * 1000:F2} ms mean");
        table.Add("latency p99", load.P99Ms, Unit.Milliseconds, "", p99Target, failed);
        if (failed) table.Add("failed requests (non-2xx, socket errors)", load.FailedRequests, Unit.Count, load.FailureDetail);
    }

    public static async Task WriteJsonAsync(string path, BenchResults results, ResultsTable table, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var document = new
        {
            results.StartedUtc,
            results.FinishedUtc,
            Machine = new
            {
                Cores = Environment.ProcessorCount,
                Os = RuntimeInformation.OSDescription,
                Runtime = RuntimeInformation.FrameworkDescription,
                LoadAverageAtStart = results.LoadAtStart.ToString(),
                LoadAverageAtEnd = results.LoadAtEnd.ToString(),
            },
            Settings = new
            {
                results.Settings.Runs,
                results.Settings.Quick,
                results.Settings.HttpSeconds,
                results.Settings.PredictSamples,
                results.Settings.MarketData,
            },
            Methods = new
            {
                PeakMemory = ChildProcess.MethodDescription,
                Incremental = "lake built with the clock pinned to the session before the one added, then run as of it (Clock__Now); retrain due: Retrain__CadenceLabels=1",
                MicroBenchmarks = "BenchmarkDotNet 0.15.8, Job.ShortRun, InProcessEmitToolchain",
                Http = results.Http.Tool,
            },
            Table = table.Rows,
            Runs = new
            {
                RealCold = results.Real?.Cold.Select(Raw),
                RealNoOp = results.Real?.NoOp.Select(Raw),
                RealInMemoryCold = results.RealInMemory?.Cold.Select(Raw),
                RealInMemoryNoOp = results.RealInMemory?.NoOp.Select(Raw),
                SyntheticCold = results.Synthetic.Cold.Select(Raw),
                SyntheticNoOp = results.Synthetic.NoOp.Select(Raw),
                Incremental = results.Incremental.Select(i => new { i.Source, i.Session, RetrainDue = i.RetrainDue.Select(Raw), NoRetrainDue = i.NoRetrainDue.Select(Raw) }),
            },
            results.Micro,
            results.HandlerLatency,
            results.ForecasterLatency,
            results.Http,
            AccuracyFrom2013 = results.RealScoresFrom2013?.Accuracy,
            CalibrationFrom2013 = results.RealScoresFrom2013?.Calibration,
        };
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, document, MlRiskJson.Files, ct);
    }

    private static object Raw(PipelineRun run) => new
    {
        run.Repeat,
        run.WallSeconds,
        run.PeakRssMiB,
        run.PartitionsWritten,
        run.Summary.RunId,
        run.Summary.Stages,
    };

    private static MicroResult Micro(BenchResults results, string name) =>
        results.Micro.FirstOrDefault(m => m.Name == name)
        ?? throw new InvalidOperationException($"no micro-benchmark result named {name}; got {string.Join(", ", results.Micro.Select(m => m.Name))}");

    private static double Median(IReadOnlyList<PipelineRun> runs, Func<PipelineRun, double> value) => Percentile.Median(runs.Select(value).ToList());

    private static string Spread(IReadOnlyList<PipelineRun> runs, Func<PipelineRun, double> value, Unit unit)
    {
        if (runs.Count == 1) return "n=1";
        var values = runs.Select(value).ToList();
        return $"n={runs.Count}, {ResultsTable.Format(values.Min(), unit)}–{ResultsTable.Format(values.Max(), unit)}";
    }
}
