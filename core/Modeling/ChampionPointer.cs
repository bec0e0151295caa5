namespace MlRisk.Core.Modeling;

/// <summary>champion.json: the version the API and the infer stage serve, and when it was promoted.</summary>
public sealed record ChampionPointer(string Version, DateTimeOffset PromotedAt);
