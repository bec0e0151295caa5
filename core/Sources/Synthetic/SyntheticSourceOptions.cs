namespace MlRisk.Core.Sources.Synthetic;

/// <summary>Settings of the simulated market (configuration section <c>Sources:Synthetic</c>).</summary>
public sealed class SyntheticSourceOptions
{
    public const string Section = "Sources:Synthetic";

    /// <summary>Seed of the simulation: the same seed and start give the same bars on every run.</summary>
    public ulong Seed { get; set; } = 2009;

    /// <summary>First simulated session (the first NYSE session on or after this date).</summary>
    public DateOnly Start { get; set; } = new(2009, 1, 2);
}
