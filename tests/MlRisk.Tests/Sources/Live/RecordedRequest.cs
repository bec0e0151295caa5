namespace MlRisk.Tests.Sources.Live;

/// <summary>What the server saw of one request.</summary>
public sealed record RecordedRequest(string Path, string Query, string? UserAgent);
