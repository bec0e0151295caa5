namespace MlRisk.Core.Sources.Synthetic;

/// <summary>Settings of the simulated market (configuration section <c>Sources:Synthetic</c>).</summary>
public sealed class SyntheticSourceOptions
{
    public const string Section = "Sources:Synthetic";

    /// <summary>Seed of the simulation: the same seed and start give the same bars on every run.</summary>
    public ulong Seed { get; set; } = 2009;

    /// <summary>First simulated session (the first NYSE session on or after this date).</summary>
    public DateOnly Start { get; set; } = new(2009, 1, 2);

    /// <summary>
    /// A structural break for testing the monitor: from this date on the correlation of TLT's and SPY's daily shocks is
    /// <see cref="SyntheticMarket.BrokenStockBondCorrelation"/> (stocks and bonds moving together, as in 2022, but more tightly than anywhere in the simulated history) instead of
    /// the simulated negative one. Null (the default) simulates no break; bars before the date are the same either way.
    /// </summary>
    public DateOnly? StockBondBreak { get; set; }
}
