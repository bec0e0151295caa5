namespace MlRisk.Core.Contracts;

/// <summary>The five instruments the model reads, by the names used in the lake and the CSV folder.</summary>
public static class Symbols
{
    public const string Spy = "SPY";
    public const string Tlt = "TLT";
    public const string Hyg = "HYG";
    public const string Vix = "VIX";
    public const string Vix3m = "VIX3M";

    public static readonly IReadOnlyList<string> All = [Spy, Tlt, Hyg, Vix, Vix3m];
}
