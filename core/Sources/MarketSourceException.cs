namespace MlRisk.Core.Sources;

/// <summary>
/// A source could not deliver the bars of a symbol: a missing or malformed file, a failed or invalid HTTP response.
/// The message names the symbol, where the data came from (file or URL) and the problem; nothing partial is returned.
/// </summary>
public sealed class MarketSourceException : Exception
{
    public MarketSourceException(string symbol, string location, string problem, Exception? inner = null)
        : base($"{symbol} from {location}: {problem}", inner)
    {
        Symbol = symbol;
        Location = location;
        Problem = problem;
    }

    public string Symbol { get; }

    /// <summary>The file path or URL the bars came from.</summary>
    public string Location { get; }

    public string Problem { get; }
}
