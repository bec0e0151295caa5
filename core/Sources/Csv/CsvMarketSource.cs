using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Sources.Csv;

/// <summary>
/// Reads a folder with one daily CSV per symbol (<c>SPY.csv</c>, …, file names matched ignoring case), in the Yahoo or
/// CBOE shape of <see cref="DailyBarCsvReader"/>, and returns the NYSE sessions in [from, to].
/// </summary>
public sealed class CsvMarketSource(IOptions<CsvSourceOptions> options, ILogger<CsvMarketSource> log) : IMarketHistorySource
{
    public string Name => MarketSourceKinds.Csv;

    public DateOnly DefaultStart => options.Value.Start;

    public async Task<IReadOnlyList<SourceBar>> FetchAsync(string symbol, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var path = FileOf(symbol);
        List<SourceBar> bars;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true))
        {
            bars = await DailyBarCsvReader.ReadAsync(stream, symbol, path, ct);
        }

        var window = BarWindow.Select(bars, from, to, out var nonSessions);
        if (nonSessions.Count > 0)
        {
            log.LogWarning("Left out {Count} rows of {File} dated on days NYSE did not trade, e.g. {Example}",
                nonSessions.Count, path, nonSessions[0]);
        }
        return window;
    }

    private string FileOf(string symbol)
    {
        var folder = options.Value.Folder;
        var fileName = symbol + ".csv";
        if (string.IsNullOrWhiteSpace(folder))
        {
            throw new MarketSourceException(symbol, "the csv source",
                $"no folder configured: set {CsvSourceOptions.Section}:Folder (./mlrisk run --source csv --input DIR) to a folder holding {fileName}");
        }
        var fullFolder = Path.GetFullPath(folder);
        if (!Directory.Exists(fullFolder))
        {
            throw new MarketSourceException(symbol, fullFolder,
                $"the folder does not exist; point {CsvSourceOptions.Section}:Folder (--input) at a folder holding {fileName}");
        }

        var matches = Directory.EnumerateFiles(fullFolder)
            .Where(f => string.Equals(Path.GetFileName(f), fileName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new MarketSourceException(symbol, fullFolder,
                $"no file {fileName} in folder {fullFolder}; the csv source needs one file per symbol: {string.Join(", ", Symbols.All.Select(s => s + ".csv"))}"),
            _ => throw new MarketSourceException(symbol, fullFolder,
                $"several files match {fileName} ignoring case ({string.Join(", ", matches.Select(Path.GetFileName))}); keep one"),
        };
    }
}
