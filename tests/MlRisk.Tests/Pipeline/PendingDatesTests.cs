using MlRisk.Core.Lake;
using MlRisk.Core.Pipeline;

namespace MlRisk.Tests.Pipeline;

public class PendingDatesTests
{
    private static readonly DateOnly Day = new(2024, 3, 1);

    private static PartitionListing Listing(params int[] days) => new(
        new SortedDictionary<DateOnly, string>(days.ToDictionary(d => Day.AddDays(d), d => $"x/date={Day.AddDays(d):yyyy-MM-dd}/part-00000.parquet")),
        [],
        []);

    [Fact]
    public void Nothing_is_pending_when_every_upstream_date_after_the_warm_up_is_stored() =>
        Assert.True(PendingDates.NoneCanBePending(Listing(0, 1, 2, 3, 4), Listing(2, 3, 4)));

    [Fact]
    public void A_new_upstream_date_is_pending() =>
        Assert.False(PendingDates.NoneCanBePending(Listing(0, 1, 2, 3, 4, 5), Listing(2, 3, 4)));

    [Fact]
    public void A_hole_inside_the_stored_range_is_pending() =>
        Assert.False(PendingDates.NoneCanBePending(Listing(0, 1, 2, 3, 4), Listing(2, 4)));

    [Fact]
    public void The_newest_upstream_dates_that_cannot_have_a_row_yet_are_not_pending() =>
        Assert.True(PendingDates.NoneCanBePending(Listing(0, 1, 2, 3, 4, 5, 6), Listing(0, 1), unfinishedTail: 5));

    [Fact]
    public void An_empty_output_over_a_non_empty_input_is_pending() =>
        Assert.False(PendingDates.NoneCanBePending(Listing(0, 1), Listing()));

    [Fact]
    public void Missing_lists_the_upstream_dates_from_the_first_stored_one_on() =>
        Assert.Equal([Day.AddDays(3), Day.AddDays(5)], PendingDates.Missing(Listing(0, 1, 2, 3, 4, 5), Listing(2, 4)));
}
