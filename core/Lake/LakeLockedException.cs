namespace MlRisk.Core.Lake;

/// <summary>Another run holds the lake's run lock.</summary>
public sealed class LakeLockedException(string message) : Exception(message);
