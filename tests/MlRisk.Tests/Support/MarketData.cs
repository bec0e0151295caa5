namespace MlRisk.Tests.Support;

/// <summary>
/// The real market folder the real-data tests read, from the MLRISK_MARKET_DATA setting
/// (.ci/run points it at ../shared/data/market). Null when unset: those tests then skip with <see cref="SkipReason"/>.
/// </summary>
public static class MarketData
{
    public const string Variable = "MLRISK_MARKET_DATA";

    public static string? Folder
    {
        get
        {
            var folder = Environment.GetEnvironmentVariable(Variable);
            return string.IsNullOrWhiteSpace(folder) ? null : Path.GetFullPath(folder);
        }
    }

    public static string? SkipReason => Folder is null
        ? $"skipped: set {Variable} to the real market CSV folder (e.g. ../shared/data/market) to run real-data tests"
        : null;
}

/// <summary>A fact that runs only when the real market folder is configured.</summary>
public sealed class RealMarketFactAttribute : FactAttribute
{
    public RealMarketFactAttribute()
    {
        Skip = MarketData.SkipReason;
    }
}
