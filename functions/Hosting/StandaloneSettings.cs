namespace MlRisk.Functions.Hosting;

/// <summary>What ./mlrisk serve takes from its command line; null keeps the configured value.</summary>
/// <param name="Urls">Kestrel addresses, e.g. http://127.0.0.1:7071 (port 0 picks a free port).</param>
/// <param name="DataPath">The lake folder (setting DataPath).</param>
/// <param name="ArtifactsPath">The models and run summaries folder (setting ArtifactsPath).</param>
public sealed record StandaloneSettings(string Urls, string? DataPath = null, string? ArtifactsPath = null)
{
    public const string DefaultUrls = "http://127.0.0.1:7071";
    public const string DataPathSetting = "DataPath";
    public const string ArtifactsPathSetting = "ArtifactsPath";
}
