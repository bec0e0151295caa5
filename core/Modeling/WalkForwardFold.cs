namespace MlRisk.Core.Modeling;

/// <summary>
/// One walk-forward fold over rows in date order: train on rows [0, TrainEnd), test on [TestStart, TestEnd).
/// TestStart - TrainEnd is the purge.
/// </summary>
public sealed record WalkForwardFold(int Index, int TrainEnd, int TestStart, int TestEnd)
{
    public int TrainRows => TrainEnd;
    public int TestRows => TestEnd - TestStart;
}
