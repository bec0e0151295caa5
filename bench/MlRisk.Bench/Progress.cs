using System.Diagnostics;

namespace MlRisk.Bench;

/// <summary>Progress lines on stderr with the time since the bench started, so stdout holds only the table.</summary>
public static class Progress
{
    private static readonly Stopwatch Since = Stopwatch.StartNew();

    public static void Report(string message) => Console.Error.WriteLine($"bench [{Since.Elapsed:mm\\:ss}] {message}");
}
