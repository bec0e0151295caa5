namespace MlRisk.Core.Lake;

/// <summary>A file written under a temporary name, waiting to be published at <see cref="Path"/>.</summary>
public sealed record StagedFile(string Path, string TempPath);
