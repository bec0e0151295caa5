namespace MlRisk.Core.Modeling;

/// <summary>
/// Expanding-window walk-forward: test blocks of <see cref="WalkForwardOptions.RefitEverySessions"/> rows,
/// the first starting at row <see cref="WalkForwardOptions.InitialTrainingSessions"/>, each trained on every
/// earlier row except the last <see cref="WalkForwardOptions.PurgeSessions"/>. Rows are consecutive labelled
/// sessions; where the feature history has a gap, a row's label window ends even earlier than 5 rows
/// ahead, so purging by rows is never weaker than purging by sessions.
/// </summary>
public sealed class WalkForwardSplitter(WalkForwardOptions options)
{
    public IReadOnlyList<WalkForwardFold> Split(int rows)
    {
        if (options.PurgeSessions < 5)
        {
            throw new ArgumentException($"Modeling:WalkForward:PurgeSessions is {options.PurgeSessions}; rv_5d needs a purge of at least 5 sessions");
        }
        if (options.RefitEverySessions < 1) throw new ArgumentException("Modeling:WalkForward:RefitEverySessions must be at least 1");
        if (options.InitialTrainingSessions <= options.PurgeSessions)
        {
            throw new ArgumentException("Modeling:WalkForward:InitialTrainingSessions must exceed PurgeSessions");
        }

        var folds = new List<WalkForwardFold>();
        for (var testStart = options.InitialTrainingSessions; testStart < rows; testStart += options.RefitEverySessions)
        {
            var testEnd = Math.Min(testStart + options.RefitEverySessions, rows);
            folds.Add(new WalkForwardFold(folds.Count, testStart - options.PurgeSessions, testStart, testEnd));
        }
        return folds;
    }
}
