using System.Globalization;

namespace MlRisk.Core.Lake;

/// <summary>
/// TEST HOOK, inert unless its environment variable is set. The crash suite (tests/MlRisk.Tests/Faults) must
/// SIGKILL a real pipeline process at a known point inside a stage; timing a kill from outside would hit a
/// different moment on every machine. When a hook fires it prints a marker line to stderr and blocks the
/// calling thread forever, so the test can kill the process exactly there.
/// <list type="bullet">
/// <item><c>MLRISK_TEST_PAUSE_AFTER_PARTITIONS=&lt;dataset&gt;:&lt;N&gt;</c>: after this process published its N-th partition of the dataset.</item>
/// <item><c>MLRISK_TEST_PAUSE_AT=&lt;point&gt;</c>: at a named point, e.g. <c>train.before-promote</c>.</item>
/// </list>
/// </summary>
public static class CrashTestHook
{
    public const string PartitionsVariable = "MLRISK_TEST_PAUSE_AFTER_PARTITIONS";
    public const string PointVariable = "MLRISK_TEST_PAUSE_AT";
    public const string Marker = "MLRISK_TEST_PAUSED";

    private static readonly (string Dataset, int Count)? PartitionPause = ParsePartitionPause();
    private static int published;

    /// <summary>Called after each partition the writer published.</summary>
    public static void AfterPublish(string dataset)
    {
        if (PartitionPause is not { } pause || pause.Dataset != dataset) return;
        if (Interlocked.Increment(ref published) == pause.Count) Pause($"{dataset}:{pause.Count}");
    }

    /// <summary>Called at a named point of a stage.</summary>
    public static void At(string point)
    {
        if (Environment.GetEnvironmentVariable(PointVariable) == point) Pause(point);
    }

    private static void Pause(string where)
    {
        Console.Error.WriteLine($"{Marker} {where}");
        Console.Error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }

    private static (string, int)? ParsePartitionPause()
    {
        var value = Environment.GetEnvironmentVariable(PartitionsVariable);
        if (string.IsNullOrEmpty(value)) return null;
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new InvalidOperationException($"{PartitionsVariable}={value}: expected <dataset>:<N> with N >= 1, e.g. features_daily:20");
        }
        return (value[..colon], count);
    }
}
