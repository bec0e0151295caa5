using MlRisk.Core.Contracts;

namespace MlRisk.Core.Sources.Synthetic;

/// <summary>
/// One simulated history: the bars of the five symbols on the same sessions, and the latent state that produced
/// them (kept for tests and for explaining the simulation; never written to the lake).
/// </summary>
internal sealed class SyntheticPath(int sessions)
{
    public DateOnly[] Dates { get; } = new DateOnly[sessions];

    public SourceBar[] Spy { get; } = new SourceBar[sessions];
    public SourceBar[] Tlt { get; } = new SourceBar[sessions];
    public SourceBar[] Hyg { get; } = new SourceBar[sessions];
    public SourceBar[] Vix { get; } = new SourceBar[sessions];
    public SourceBar[] Vix3m { get; } = new SourceBar[sessions];

    /// <summary>SPY's annualized diffusive volatility σ_t·√252 on each session.</summary>
    public double[] SpyVolatility { get; } = new double[sessions];

    /// <summary>The jump in SPY's log return on each session (0 on most days).</summary>
    public double[] SpyJump { get; } = new double[sessions];

    /// <summary>The instantaneous correlations of TLT and HYG shocks with SPY's shock.</summary>
    public double[] RhoSpyTlt { get; } = new double[sessions];
    public double[] RhoSpyHyg { get; } = new double[sessions];

    public int Count => Dates.Length;

    public SourceBar[] BarsOf(string symbol) => symbol switch
    {
        Symbols.Spy => Spy,
        Symbols.Tlt => Tlt,
        Symbols.Hyg => Hyg,
        Symbols.Vix => Vix,
        Symbols.Vix3m => Vix3m,
        _ => throw new ArgumentOutOfRangeException(nameof(symbol), symbol, "The synthetic market simulates only SPY, TLT, HYG, VIX and VIX3M."),
    };
}
