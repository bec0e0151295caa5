namespace MlRisk.Core.Lake;

/// <summary>
/// Named moments inside a run where the crash suite (tests/MlRisk.Tests/Faults) stops a real pipeline process to
/// SIGKILL it: timing a kill from outside would hit a different moment on every machine. Production registers
/// <see cref="NoFaultPoints"/>; <see cref="PausingFaultPoints"/> only when its settings are given.
/// </summary>
public interface IFaultPoints
{
    /// <summary>Called after each partition the writer published.</summary>
    void PartitionPublished(string dataset);

    /// <summary>Called at a named point of a stage, e.g. <c>train.before-promote</c>.</summary>
    void Reached(string point);
}
