using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;
using MlRisk.Core.Lake;
using MlRisk.Core.Pipeline;
using MlRisk.Core.Sources;
using MlRisk.Tests.Lake;

namespace MlRisk.Tests.Pipeline;

public sealed class IngestStageTests : IDisposable
{
    private static readonly DateOnly First = new(2024, 3, 1);

    private readonly FakeMarket _market = new(First, 10);
    private readonly FakeTimeProvider _time = new();
    private readonly TestLake _lake;

    public IngestStageTests()
    {
        CloseOf(_market.LastSession);
        _lake = new TestLake(services => services
            .AddSingleton<IMarketSourceFactory>(_market)
            .AddSingleton<TimeProvider>(_time));
    }

    private IStage Ingest => _lake.Services.GetServices<IStage>().Single(s => s.Name == StageName.Ingest);

    [Fact]
    public async Task First_run_asks_from_the_sources_default_start_and_writes_every_session_and_every_return()
    {
        var result = await Ingest.RunAsync(default);

        Assert.All(_market.Requests, r => Assert.Equal((_market.DefaultStart, _market.LastSession), (r.From, r.To)));
        var raw = result.Writes.Single(w => w.Dataset == "raw.market");
        var curated = result.Writes.Single(w => w.Dataset == "curated.market_daily");
        Assert.Equal((10, 50), (raw.PartitionsWritten, raw.RowsWritten));
        Assert.Equal((9, 45), (curated.PartitionsWritten, curated.RowsWritten));
        var second = TradingCalendar.Sessions(First, First.AddDays(10)).ElementAt(1);
        var spy = (await _lake.Reader.ReadAllAsync(Datasets.CuratedMarketDaily, default)).Rows.First(r => r.Symbol == "SPY");
        Assert.Equal((second, Math.Log(FakeMarket.PriceOf("SPY", second) / FakeMarket.PriceOf("SPY", First))), (spy.Date, spy.Ret));
    }

    [Fact]
    public async Task Next_run_asks_from_five_sessions_before_the_last_stored_date_and_writes_only_new_sessions()
    {
        await Ingest.RunAsync(default);
        var lastStored = _market.LastSession;
        _market.AddSessions(lastStored.AddDays(1), 3);
        CloseOf(_market.LastSession);
        _market.Requests.Clear();

        var result = await Ingest.RunAsync(default);

        Assert.All(_market.Requests, r => Assert.Equal((TradingCalendar.SessionsBefore(lastStored, 5), _market.LastSession), (r.From, r.To)));
        var raw = result.Writes.Single(w => w.Dataset == "raw.market");
        Assert.Equal((3, 6, 0), (raw.PartitionsWritten, raw.PartitionsSkipped, raw.Revisions));
        var next = TradingCalendar.SessionsBefore(_market.LastSession, 2);
        var tlt = (await _lake.Reader.ReadAllAsync(Datasets.CuratedMarketDaily, default)).Rows.Single(r => r.Symbol == "TLT" && r.Date == next);
        Assert.Equal(Math.Log(FakeMarket.PriceOf("TLT", next) / FakeMarket.PriceOf("TLT", lastStored)), tlt.Ret, 15);
    }

    [Fact]
    public async Task A_rerun_with_nothing_new_writes_nothing()
    {
        await Ingest.RunAsync(default);
        var result = await Ingest.RunAsync(default);
        Assert.Equal((0, 0, 11), (result.PartitionsWritten, result.Revisions, result.PartitionsSkipped));
    }

    [Fact]
    public async Task A_changed_bar_in_the_overlap_is_reported_as_a_revision_and_the_stored_value_kept()
    {
        await Ingest.RunAsync(default);
        var day = TradingCalendar.SessionsBefore(_market.LastSession, 2);
        var original = _market["SPY", day];
        _market["SPY", day] = original with { Close = original.Close * 1.01, AdjClose = original.AdjClose * 1.01 };

        var result = await Ingest.RunAsync(default);

        var raw = result.Writes.Single(w => w.Dataset == "raw.market");
        var curated = result.Writes.Single(w => w.Dataset == "curated.market_daily");
        Assert.Equal((1, "SPY", day), (raw.Revisions, raw.RevisionExamples[0].Key, raw.RevisionExamples[0].Date));
        Assert.StartsWith("close ", raw.RevisionExamples[0].Change);
        Assert.Equal(2, curated.Revisions); // the returns into and out of the revised day
        var stored = (await _lake.Reader.ReadAllAsync(Datasets.RawMarket, default)).Rows.Single(r => r.Symbol == "SPY" && r.Date == day);
        Assert.Equal(original.Close, stored.Close);
    }

    [Fact]
    public async Task A_new_session_without_overlap_in_the_fetch_takes_its_return_from_the_stored_close()
    {
        await Ingest.RunAsync(default);
        var lastStored = _market.LastSession;
        _market.AddSessions(lastStored.AddDays(1), 1);
        _market.DropBefore(_market.LastSession);
        CloseOf(_market.LastSession);

        await Ingest.RunAsync(default);

        var spy = (await _lake.Reader.ReadAllAsync(Datasets.CuratedMarketDaily, default)).Rows.Last(r => r.Symbol == "SPY");
        Assert.Equal((_market.LastSession, Math.Log(FakeMarket.PriceOf("SPY", _market.LastSession) / FakeMarket.PriceOf("SPY", lastStored))),
            (spy.Date, spy.Ret));
    }

    [Fact]
    public async Task Only_completed_sessions_are_asked_for()
    {
        var yesterday = _market.LastSession;
        _market.AddSessions(yesterday.AddDays(1), 1);
        var today = _market.LastSession;
        _time.SetUtcNow(new DateTimeOffset(today.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero)); // 10:00 or 11:00 in New York

        await Ingest.RunAsync(default);

        Assert.All(_market.Requests, r => Assert.Equal(yesterday, r.To));
        Assert.False(Directory.Exists(Path.GetDirectoryName(_lake.FileOf(Datasets.RawMarket, today))));
    }

    [Fact]
    public async Task A_source_answering_out_of_order_fails_naming_the_source_and_symbol_and_writes_nothing()
    {
        var day = TradingCalendar.SessionsBefore(_market.LastSession, 1);
        _market["HYG", day] = _market["HYG", day] with { Symbol = "JNK" };

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Ingest.RunAsync(default));

        Assert.Contains("Source fake answered HYG", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_lake.DataPath, "raw.market")));
    }

    [Fact]
    public async Task A_source_without_a_spy_bar_on_a_session_between_two_it_has_fails_naming_the_session_and_writes_nothing()
    {
        var hole = TradingCalendar.SessionsBefore(_market.LastSession, 3);
        _market.Remove("SPY", hole);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Ingest.RunAsync(default));

        Assert.Contains($"Source fake has no SPY bar for 1 NYSE session(s) between {First:yyyy-MM-dd} and {_market.LastSession:yyyy-MM-dd}: "
            + $"{hole:yyyy-MM-dd}, and TLT or HYG traded on them", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_lake.DataPath, "raw.market")));
    }

    [Theory]
    [InlineData("HYG")]
    [InlineData("TLT")]
    public async Task A_spy_hole_on_a_day_one_fund_traded_fails_even_when_every_other_symbol_is_missing_too(string traded)
    {
        var hole = TradingCalendar.SessionsBefore(_market.LastSession, 3);
        foreach (var symbol in Symbols.All.Where(s => s != traded)) _market.Remove(symbol, hole);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Ingest.RunAsync(default));

        Assert.Contains($"{hole:yyyy-MM-dd}, and TLT or HYG traded on them", error.Message);
    }

    [Fact]
    public async Task A_hole_between_the_last_stored_spy_bar_and_the_first_fetched_one_fails_too()
    {
        await Ingest.RunAsync(default);
        var lastStored = _market.LastSession;
        _market.AddSessions(lastStored.AddDays(1), 2);
        _market.DropBefore(_market.LastSession, "SPY");
        CloseOf(_market.LastSession);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Ingest.RunAsync(default));

        Assert.Contains($"between {lastStored:yyyy-MM-dd} and {_market.LastSession:yyyy-MM-dd}: "
            + $"{TradingCalendar.SessionsBefore(_market.LastSession, 1):yyyy-MM-dd}, and TLT or HYG traded on them", error.Message);
    }

    [Fact]
    public async Task A_session_neither_fund_has_a_bar_on_reads_as_a_closure_the_calendar_does_not_list_and_ingest_goes_on()
    {
        // Cboe's VIX can have a value on a day NYSE is closed: only the funds witness a closure.
        var closed = TradingCalendar.SessionsBefore(_market.LastSession, 3);
        foreach (var symbol in new[] { "SPY", "TLT", "HYG" }) _market.Remove(symbol, closed);

        await Ingest.RunAsync(default);

        var spy = (await _lake.Reader.ReadAllAsync(Datasets.CuratedMarketDaily, default)).Rows.Where(r => r.Symbol == "SPY").ToList();
        Assert.DoesNotContain(spy, r => r.Date == closed);
        var after = spy.Single(r => r.Date == TradingCalendar.SessionsBefore(_market.LastSession, 2));
        var before = TradingCalendar.SessionsBefore(closed, 1);
        Assert.Equal(Math.Log(FakeMarket.PriceOf("SPY", after.Date) / FakeMarket.PriceOf("SPY", before)), after.Ret, 15);
    }

    [Fact]
    public async Task A_stored_session_the_source_leaves_out_of_the_overlap_is_not_a_hole()
    {
        await Ingest.RunAsync(default);
        var stored = TradingCalendar.SessionsBefore(_market.LastSession, 2);
        _market.Remove("SPY", stored);
        _market.AddSessions(_market.LastSession.AddDays(1), 1);
        CloseOf(_market.LastSession);

        var result = await Ingest.RunAsync(default);

        var raw = result.Writes.Single(w => w.Dataset == "raw.market");
        Assert.Equal(1, raw.PartitionsWritten);
        Assert.Contains((await _lake.Reader.ReadAllAsync(Datasets.RawMarket, default)).Rows, r => r.Symbol == "SPY" && r.Date == stored);
    }

    [Fact]
    public async Task A_last_session_the_source_has_not_published_for_spy_yet_is_not_a_hole()
    {
        var unpublished = _market.LastSession;
        _market.Remove("SPY", unpublished);

        await Ingest.RunAsync(default);

        var spy = (await _lake.Reader.ReadAllAsync(Datasets.RawMarket, default)).Rows.Where(r => r.Symbol == "SPY").ToList();
        Assert.Equal(TradingCalendar.SessionsBefore(unpublished, 1), spy[^1].Date);
    }

    public void Dispose() => _lake.Dispose();

    /// <summary>Sets the clock to 18:00 New York time of <paramref name="session"/>, after its close.</summary>
    private void CloseOf(DateOnly session)
    {
        var local = session.ToDateTime(new TimeOnly(18, 0));
        _time.SetUtcNow(new DateTimeOffset(local, TradingCalendar.NewYork.GetUtcOffset(local)));
    }
}
