using MlRisk.Core.Calendar;
using MlRisk.Core.Modeling;

namespace MlRisk.Tests.Modeling;

public class WalkForwardSplitterTests
{
    private static readonly WalkForwardOptions Defaults = new();

    [Fact]
    public void No_training_row_s_label_window_reaches_into_its_test_block()
    {
        var sessions = TradingCalendar.Sessions(new DateOnly(2009, 9, 21), new DateOnly(2023, 2, 1)).ToList();
        var rows = sessions.Count - 5;
        var folds = new WalkForwardSplitter(Defaults).Split(rows);

        Assert.NotEmpty(folds);
        foreach (var fold in folds)
        {
            // rv_5d(t) reads the returns of the 5 sessions after t: its window ends on session t+5.
            var lastTrainingLabelEnds = sessions[fold.TrainEnd - 1 + 5];
            Assert.True(lastTrainingLabelEnds < sessions[fold.TestStart],
                $"fold {fold.Index}: training label window ends {lastTrainingLabelEnds}, test block starts {sessions[fold.TestStart]}");
        }
    }

    [Fact]
    public void The_first_test_block_follows_three_years_and_blocks_follow_the_refit_cadence()
    {
        var folds = new WalkForwardSplitter(Defaults).Split(1_000);

        Assert.Equal(
            [(751, 756, 819), (814, 819, 882), (877, 882, 945), (940, 945, 1_000)],
            folds.Select(f => (f.TrainEnd, f.TestStart, f.TestEnd)));
    }

    [Fact]
    public void Windows_expand_and_test_blocks_tile_every_row_after_the_first_once()
    {
        var folds = new WalkForwardSplitter(new WalkForwardOptions { InitialTrainingSessions = 300, RefitEverySessions = 40, PurgeSessions = 7 }).Split(777);

        Assert.Equal(Enumerable.Range(300, 477), folds.SelectMany(f => Enumerable.Range(f.TestStart, f.TestRows)));
        Assert.All(folds, f => Assert.Equal(7, f.TestStart - f.TrainEnd));
        Assert.All(folds.Skip(1).Zip(folds), pair => Assert.True(pair.First.TrainEnd > pair.Second.TrainEnd));
    }

    [Fact]
    public void A_purge_shorter_than_the_label_horizon_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new WalkForwardSplitter(new WalkForwardOptions { PurgeSessions = 4 }).Split(1_000));
        Assert.Contains("PurgeSessions", error.Message);
    }

    [Fact]
    public void Too_few_rows_give_no_fold()
    {
        Assert.Empty(new WalkForwardSplitter(Defaults).Split(756));
    }
}
