using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace MlRisk.Bench.Micro;

/// <summary>
/// Runs the BenchmarkDotNet classes with a short job (3 warm-up and 3 measured iterations of about half a
/// second each, one launch) on the in-process toolchain: no generated project to build, so the whole set fits
/// in a minute or two. BenchmarkDotNet's own log goes to a file; the table prints the medians.
/// </summary>
public static class MicroBenchRunner
{
    public static IReadOnlyList<MicroResult> Run(string resultsFolder)
    {
        Directory.CreateDirectory(resultsFolder);
        var logPath = Path.Combine(resultsFolder, "benchmarkdotnet.log");
        using var log = new StreamLogger(logPath);
        var job = Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("ShortRun-InProcess");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(log)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(resultsFolder, "BenchmarkDotNet.Artifacts"))
            .WithOptions(ConfigOptions.DisableLogFile);

        var results = new List<MicroResult>();
        foreach (var type in (Type[])[typeof(PredictBenchmarks), typeof(HistoryBenchmarks)])
        {
            Progress.Report($"BenchmarkDotNet {type.Name} (log {logPath})");
            var summary = BenchmarkRunner.Run(type, config);
            if (summary.HasCriticalValidationErrors)
            {
                throw new InvalidOperationException(
                    $"BenchmarkDotNet refused {type.Name}: {string.Join("; ", summary.ValidationErrors.Select(e => e.Message))}");
            }
            foreach (var report in summary.Reports) results.Add(Result(report, logPath));
        }
        return results;
    }

    private static MicroResult Result(BenchmarkReport report, string logPath)
    {
        var name = report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'');
        var stats = report.ResultStatistics
            ?? throw new InvalidOperationException($"benchmark {name} produced no measurements (it threw or was skipped); see {logPath}");
        var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
        return new MicroResult(name, stats.Median, stats.Mean, stats.StandardDeviation, stats.N, allocated);
    }
}
