using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MlRisk.Core.Calendar;
using MlRisk.Core.Contracts;
using MlRisk.Core.Sources;
using MlRisk.Core.Sources.Csv;
using MlRisk.Tests.Support;

namespace MlRisk.Tests.Sources.Csv;

public sealed class CsvMarketSourceTests : IDisposable
{
    private static readonly DateOnly Early = new(1990, 1, 1);
    private static readonly DateOnly Late = new(2030, 12, 31);

    private readonly string _folder = Directory.CreateTempSubdirectory("mlrisk-csv-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CsvMarketSource SourceFor(string folder) =>
        new(Options.Create(new CsvSourceOptions { Folder = folder }), NullLogger<CsvMarketSource>.Instance);

    private string Write(string fileName, string text)
    {
        var path = Path.Combine(_folder, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    [RealMarketFact]
    public async Task Real_folder_gives_the_known_closes_of_2020_03_16()
    {
        var source = SourceFor(MarketData.Folder!);
        var day = new DateOnly(2020, 3, 16);

        var spy = await source.FetchAsync(Symbols.Spy, day.AddDays(-7), day, CancellationToken.None);
        var vix = await source.FetchAsync(Symbols.Vix, day, day, CancellationToken.None);
        var vix3m = await source.FetchAsync(Symbols.Vix3m, day, day, CancellationToken.None);

        // The Yahoo-style files have no Adj Close column: their Close is already adjusted.
        Assert.Equal(new SourceBar(Symbols.Spy, day, 222.276156445418, 236.7640142975094, 218.7555777086189,
            221.0504150390625, 221.0504150390625, 297240000), spy[^1]);
        Assert.Equal(248.21051025390625, spy[^2].AdjClose);
        Assert.Equal(82.69000244140625, Assert.Single(vix).Close);
        Assert.Equal(new SourceBar(Symbols.Vix3m, day, 48.31, 68.71, 48.31, 67.70, 67.70, 0), Assert.Single(vix3m));
    }

    [RealMarketFact]
    public async Task Real_folder_histories_start_on_their_first_dates_and_keep_only_sessions()
    {
        var source = SourceFor(MarketData.Folder!);

        var vix3m = await source.FetchAsync(Symbols.Vix3m, Early, Late, CancellationToken.None);
        var spy = await source.FetchAsync(Symbols.Spy, Early, Late, CancellationToken.None);

        Assert.Equal(new DateOnly(2009, 9, 18), vix3m[0].Date);
        Assert.Equal(new DateOnly(1993, 1, 29), spy[0].Date);
        Assert.Equal(new DateOnly(2022, 12, 30), spy[^1].Date);
        Assert.Equal(TradingCalendar.Sessions(spy[0].Date, spy[^1].Date).Count(), spy.Count);
        var common = TradingCalendar.Sessions(new DateOnly(2009, 9, 18), new DateOnly(2022, 12, 30)).ToList();
        foreach (var symbol in Symbols.All)
        {
            var bars = await source.FetchAsync(symbol, common[0], common[^1], CancellationToken.None);
            Assert.Equal(common, bars.Select(b => b.Date));
        }
        Assert.Equal(3345, common.Count);
    }

    [Fact]
    public async Task Yahoo_file_with_adj_close_keeps_raw_close_and_adjusted_close_apart()
    {
        Write("SPY.csv", """
            Date,Open,High,Low,Close,Adj Close,Volume
            2020-03-13,263.09,271.48,248.52,269.32,248.21051025390625,329566100
            2020-03-16,241.18,256.90,237.36,239.85,221.0504150390625,297240000
            """);

        var bars = await SourceFor(_folder).FetchAsync(Symbols.Spy, Early, Late, CancellationToken.None);

        Assert.Equal(new SourceBar(Symbols.Spy, new DateOnly(2020, 3, 16), 241.18, 256.90, 237.36, 239.85, 221.0504150390625, 297240000), bars[^1]);
    }

    [Fact]
    public async Task Columns_are_matched_by_name_ignoring_case_and_order()
    {
        Write("hyg.CSV", """
            volume,low,adj close,DATE,open,close,HIGH
            43080100,56.33,57.349,2020-03-16,57.40,58.1,58.87
            """);

        var bar = Assert.Single(await SourceFor(_folder).FetchAsync(Symbols.Hyg, Early, Late, CancellationToken.None));

        Assert.Equal(new SourceBar(Symbols.Hyg, new DateOnly(2020, 3, 16), 57.40, 58.87, 56.33, 58.1, 57.349, 43080100), bar);
    }

    [Fact]
    public async Task Cboe_file_has_month_first_dates_and_no_volume()
    {
        Write("VIX3M.csv", """
            DATE,OPEN,HIGH,LOW,CLOSE
            09/18/2009,25.910000,26.660000,25.910000,26.540000
            09/21/2009,26.960000,27.240000,26.170000,26.230000
            """);

        var bars = await SourceFor(_folder).FetchAsync(Symbols.Vix3m, Early, Late, CancellationToken.None);

        Assert.Equal(new SourceBar(Symbols.Vix3m, new DateOnly(2009, 9, 21), 26.96, 27.24, 26.17, 26.23, 26.23, 0), bars[^1]);
    }

    [Fact]
    public async Task Session_timestamps_written_by_yfinance_count_as_their_date()
    {
        Write("TLT.csv", """
            Date,Open,High,Low,Close,Adj Close,Volume
            2020-03-16 00:00:00-04:00,150.1,155.0,149.0,154.2,141.64474487304688,30496700
            """);

        var bar = Assert.Single(await SourceFor(_folder).FetchAsync(Symbols.Tlt, Early, Late, CancellationToken.None));

        Assert.Equal(new DateOnly(2020, 3, 16), bar.Date);
    }

    [Fact]
    public async Task Only_sessions_inside_the_window_are_returned()
    {
        Write("SPY.csv", """
            Date,Close,High,Low,Open,Volume
            2020-03-12,228.66,245.76,228.27,235.93,392220700
            2020-03-13,248.21,250.20,229.04,242.47,329566100
            2020-03-14,248.21,248.21,248.21,248.21,0
            2020-03-16,221.05,236.76,218.76,222.28,297240000
            2020-03-17,232.99,236.09,218.49,225.83,262070500
            """);

        var bars = await SourceFor(_folder).FetchAsync(Symbols.Spy, new DateOnly(2020, 3, 13), new DateOnly(2020, 3, 16), CancellationToken.None);

        Assert.Equal([new(2020, 3, 13), new DateOnly(2020, 3, 16)], bars.Select(b => b.Date));
    }

    [Fact]
    public async Task A_malformed_number_names_the_file_line_and_column()
    {
        var path = Write("SPY.csv", """
            Date,Close,High,Low,Open,Volume
            2020-03-13,248.21,250.20,229.04,242.47,329566100
            2020-03-16,221.05,23x.76,218.76,222.28,297240000
            """);

        var error = await Assert.ThrowsAsync<MarketSourceException>(
            () => SourceFor(_folder).FetchAsync(Symbols.Spy, Early, Late, CancellationToken.None));

        Assert.Equal($"SPY from {path}: line 3, column 'High': '23x.76' is not a finite number", error.Message);
    }

    [Fact]
    public async Task A_malformed_date_names_the_file_line_and_column()
    {
        var path = Write("VIX3M.csv", """
            DATE,OPEN,HIGH,LOW,CLOSE
            13/18/2009,25.91,26.66,25.91,26.54
            """);

        var error = await Assert.ThrowsAsync<MarketSourceException>(
            () => SourceFor(_folder).FetchAsync(Symbols.Vix3m, Early, Late, CancellationToken.None));

        Assert.Equal($"VIX3M from {path}: line 2, column 'DATE': '13/18/2009' is not a date (expected YYYY-MM-DD or MM/DD/YYYY)", error.Message);
    }

    [Fact]
    public async Task A_row_with_missing_fields_is_reported_as_truncated()
    {
        Write("SPY.csv", "Date,Close,High,Low,Open,Volume\n2020-03-13,248.21,250.20,229.04,242.47,329566100\n2020-03-16,221.05,236.7");

        var error = await Assert.ThrowsAsync<MarketSourceException>(
            () => SourceFor(_folder).FetchAsync(Symbols.Spy, Early, Late, CancellationToken.None));

        Assert.EndsWith("line 3 has 3 fields but the header has 6 (truncated or malformed row)", error.Message);
    }

    [Fact]
    public async Task Rows_out_of_date_order_are_rejected()
    {
        Write("SPY.csv", """
            Date,Close,High,Low,Open,Volume
            2020-03-16,221.05,236.76,218.76,222.28,297240000
            2020-03-13,248.21,250.20,229.04,242.47,329566100
            """);

        var error = await Assert.ThrowsAsync<MarketSourceException>(
            () => SourceFor(_folder).FetchAsync(Symbols.Spy, Early, Late, CancellationToken.None));

        Assert.EndsWith("line 3: date 2020-03-13 does not come after the previous row's 2020-03-16 (rows must be in date order without duplicates)", error.Message);
    }

    [Fact]
    public async Task A_file_without_a_close_column_names_the_column_and_the_header()
    {
        Write("SPY.csv", "Date,Open,High,Low,Last,Volume\n2020-03-16,222.28,236.76,218.76,221.05,297240000\n");

        var error = await Assert.ThrowsAsync<MarketSourceException>(
            () => SourceFor(_folder).FetchAsync(Symbols.Spy, Early, Late, CancellationToken.None));

        Assert.Contains("has no 'close' column (header: Date,Open,High,Low,Last,Volume)", error.Message);
    }

    [Fact]
    public async Task A_missing_file_names_the_file_and_the_folder()
    {
        var error = await Assert.ThrowsAsync<MarketSourceException>(
            () => SourceFor(_folder).FetchAsync(Symbols.Tlt, Early, Late, CancellationToken.None));

        Assert.StartsWith($"TLT from {_folder}: no file TLT.csv in folder {_folder};", error.Message);
    }

    [Fact]
    public async Task An_unconfigured_folder_says_which_setting_to_set()
    {
        var error = await Assert.ThrowsAsync<MarketSourceException>(
            () => SourceFor("").FetchAsync(Symbols.Spy, Early, Late, CancellationToken.None));

        Assert.Contains("set Sources:Csv:Folder", error.Message);
    }
}
