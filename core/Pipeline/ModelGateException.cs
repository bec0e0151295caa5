namespace MlRisk.Core.Pipeline;

/// <summary>No trained model has passed the gate, so there is no champion to serve or to infer with.</summary>
public sealed class ModelGateException(string message) : Exception(message);
