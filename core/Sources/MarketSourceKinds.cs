namespace MlRisk.Core.Sources;

/// <summary>The names a run uses to pick its source (./mlrisk run --source KIND).</summary>
public static class MarketSourceKinds
{
    public const string Synthetic = "synthetic";
    public const string Csv = "csv";
    public const string Live = "live";

    public static readonly IReadOnlyList<string> All = [Synthetic, Csv, Live];
}
