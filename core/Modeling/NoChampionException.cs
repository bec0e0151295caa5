namespace MlRisk.Core.Modeling;

/// <summary>No model has passed the gate yet, so there is nothing to serve or infer with.</summary>
public sealed class NoChampionException(string message) : Exception(message);
