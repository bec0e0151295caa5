using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace MlRisk.Core.Lake;

/// <summary>
/// The crash suite's <see cref="IFaultPoints"/>: at the configured point it prints <see cref="Marker"/> to stderr and
/// blocks the calling thread forever, so the test kills the process exactly there. Configured by two settings
/// (environment variables of the child process the test starts):
/// <list type="bullet">
/// <item><c>MLRISK_TEST_PAUSE_AFTER_PARTITIONS=&lt;dataset&gt;:&lt;N&gt;</c>: after this process published its N-th partition of the dataset.</item>
/// <item><c>MLRISK_TEST_PAUSE_AT=&lt;point&gt;</c>: at a named point, e.g. <c>train.before-promote</c>.</item>
/// </list>
/// </summary>
public sealed class PausingFaultPoints : IFaultPoints
{
    public const string PartitionsVariable = "MLRISK_TEST_PAUSE_AFTER_PARTITIONS";
    public const string PointVariable = "MLRISK_TEST_PAUSE_AT";
    public const string Marker = "MLRISK_TEST_PAUSED";

    private readonly (string Dataset, int Count)? _partitionPause;
    private readonly string? _point;
    private int _published;

    private PausingFaultPoints((string, int)? partitionPause, string? point)
    {
        _partitionPause = partitionPause;
        _point = point;
    }

    /// <summary>The pausing points when either setting is present, otherwise null (production: no fault points).</summary>
    public static PausingFaultPoints? FromConfiguration(IConfiguration configuration)
    {
        var partitions = configuration[PartitionsVariable];
        var point = configuration[PointVariable];
        if (string.IsNullOrEmpty(partitions) && string.IsNullOrEmpty(point)) return null;
        return new PausingFaultPoints(ParsePartitionPause(partitions), string.IsNullOrEmpty(point) ? null : point);
    }

    public void PartitionPublished(string dataset)
    {
        if (_partitionPause is not { } pause || pause.Dataset != dataset) return;
        if (Interlocked.Increment(ref _published) == pause.Count) Pause($"{dataset}:{pause.Count}");
    }

    public void Reached(string point)
    {
        if (_point == point) Pause(point);
    }

    private static void Pause(string where)
    {
        Console.Error.WriteLine($"{Marker} {where}");
        Console.Error.Flush();
        Thread.Sleep(Timeout.Infinite);
    }

    private static (string, int)? ParsePartitionPause(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        var colon = value.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(value.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            throw new InvalidOperationException($"{PartitionsVariable}={value}: expected <dataset>:<N> with N >= 1, e.g. features_daily:20");
        }
        return (value[..colon], count);
    }
}
