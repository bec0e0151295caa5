using System.ComponentModel.DataAnnotations;

namespace MlRisk.Core.Modeling;

/// <summary>The walk-forward protocol of DESIGN §5, in sessions (rows of the training set).</summary>
public sealed class WalkForwardOptions
{
    /// <summary>Rows before the first test block: 756 sessions is three years of training data.</summary>
    [Range(100, 100_000)]
    public int InitialTrainingSessions { get; set; } = 756;

    /// <summary>Refit cadence and test block length: 63 sessions is a quarter.</summary>
    [Range(1, 10_000)]
    public int RefitEverySessions { get; set; } = 63;

    /// <summary>
    /// Training rows removed before each test block. rv_5d(t) reads returns t+1..t+5, so at least 5 rows
    /// must go for no training label to reach into the test block.
    /// </summary>
    [Range(5, 1_000)]
    public int PurgeSessions { get; set; } = 5;
}
