using MlRisk.Core.Lake;

namespace MlRisk.Tests.Faults;

/// <summary>The fault suite's processes run on <c>Clock:Now</c> (<see cref="AppProcess.Now"/>); this shows the app honours it.</summary>
[Collection(FaultsCollection.Name)]
public sealed class PinnedClockTests(CleanRunFixture clean)
{
    [Fact]
    public void A_run_on_clock_now_ingests_through_the_last_session_closed_at_that_instant_not_through_today()
    {
        var curated = LakeFiles.List(clean.Data, Datasets.CuratedMarketDaily.Name);

        Assert.StartsWith($"{Datasets.CuratedMarketDaily.Name}/date=2026-11-25/", curated[^1]);
    }
}
