using System.Globalization;

namespace MlRisk.Bench;

/// <summary>What one <c>make bench</c> measures and where: repeats, load duration, the real CSV folder and the repo's paths.</summary>
public sealed record BenchSettings(
    string Root,
    string? MarketData,
    int Runs,
    int HttpSeconds,
    int PredictSamples,
    bool Quick)
{
    public const string MarketDataVariable = "MLRISK_MARKET_DATA";

    public const string Usage =
        "usage: make bench [BENCH_ARGS=\"--quick | --runs N | --http-seconds S\"]\n"
        + "  --quick           one run of each end-to-end scenario, 5 s of HTTP load, fewer latency samples\n"
        + "  --runs N          end-to-end repeats per scenario (default 3; medians are quoted)\n"
        + "  --http-seconds S  duration of the loopback HTTP load (default 10)\n"
        + $"  {MarketDataVariable}=DIR adds the real CSV folder to the end-to-end runs";

    /// <summary>The functions app the end-to-end runs start: what ./mlrisk runs, published by `make bench` first.</summary>
    public string FunctionsApp => Path.Combine(Root, "functions", "bin", "Release", "net10.0", "linux-x64", "publish", "MlRisk.Functions.dll");

    public string ResultsFolder => Path.Combine(Root, "bench", "results");

    public static BenchSettings Parse(IReadOnlyList<string> args, string? marketData, string workingDirectory)
    {
        var quick = false;
        int? runs = null, httpSeconds = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--runs":
                    runs = PositiveInt(args, ++i, "--runs");
                    break;
                case "--http-seconds":
                    httpSeconds = PositiveInt(args, ++i, "--http-seconds");
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        if (!string.IsNullOrWhiteSpace(marketData) && !Directory.Exists(marketData))
        {
            throw new ArgumentException($"{MarketDataVariable}={marketData} is not a folder; point it at the market CSVs or unset it");
        }

        return new BenchSettings(
            FindRoot(workingDirectory),
            string.IsNullOrWhiteSpace(marketData) ? null : Path.GetFullPath(marketData),
            runs ?? (quick ? 1 : 3),
            httpSeconds ?? (quick ? 5 : 10),
            quick ? 5_000 : 20_000,
            quick);
    }

    private static int PositiveInt(IReadOnlyList<string> args, int index, string option)
    {
        if (index >= args.Count || !int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
        {
            throw new ArgumentException($"{option} needs a whole number of at least 1");
        }
        return value;
    }

    /// <summary>The repository root (the folder holding MlRisk.sln) at or above the working directory.</summary>
    private static string FindRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MlRisk.sln"))) return folder.FullName;
        }
        throw new ArgumentException($"no MlRisk.sln at or above {start}: run the bench from the repository (make bench)");
    }
}
