using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MlRisk.Core.Lake;
using MlRisk.Core.Sources;
using MlRisk.Functions.Cli;

namespace MlRisk.Tests.Pipeline;

/// <summary>The run and validate verbs end to end: real generic host, real lake on disk, an in-memory market.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mlrisk-cli-" + Guid.NewGuid().ToString("N"));
    private readonly FakeMarket _market = new(new DateOnly(2024, 3, 1), 10);

    private string Data => Path.Combine(_root, "data");

    private string Artifacts => Path.Combine(_root, "artifacts");

    /// <summary>The run verb with the in-memory market, at 23:00 UTC of the market's last session.</summary>
    private RunCommand Run => new((services, _) =>
    {
        var now = _market.LastSession.ToDateTime(new TimeOnly(23, 0));
        services.AddSingleton<IMarketSourceFactory>(_market);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero)));
    });

    /// <summary>The run verb on the system clock, for waits that must elapse (the run lock's).</summary>
    private RunCommand RunNow => new((services, _) => services
        .AddSingleton<IMarketSourceFactory>(_market)
        .PostConfigure<LakeOptions>(o => o.LockWait = TimeSpan.FromMilliseconds(300)));

    [Fact]
    public async Task Run_until_ingest_fills_the_lake_and_writes_a_run_summary()
    {
        var code = await Run.RunAsync(["--data", Data, "--artifacts", Artifacts, "--until", "ingest"], default);

        Assert.Equal(0, code);
        Assert.Equal(10, Directory.GetDirectories(Path.Combine(Data, "raw.market")).Length);
        Assert.Single(Directory.GetFiles(Path.Combine(Artifacts, "runs"), "summary.json", SearchOption.AllDirectories));
        Assert.All(_market.Requests, r => Assert.Equal(_market.LastSession, r.To));
    }

    [Fact]
    public async Task Run_with_an_unknown_option_or_stage_exits_2()
    {
        Assert.Equal(2, await Run.RunAsync(["--colour", "blue"], default));
        Assert.Equal(2, await Run.RunAsync(["--data", Data, "--until", "tea"], default));
        Assert.Equal(2, await Run.RunAsync(["--data", Data, "--source", "ftp"], default));
    }

    [Fact]
    public async Task Run_exits_3_while_another_run_holds_the_lake()
    {
        Directory.CreateDirectory(Data);
        await using var held = File.Open(Path.Combine(Data, ".run.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        Assert.Equal(3, await RunNow.RunAsync(["--data", Data, "--artifacts", Artifacts, "--until", "ingest"], default));
    }

    [Fact]
    public async Task Validate_exits_0_on_a_valid_lake_and_1_listing_the_damaged_file()
    {
        await Run.RunAsync(["--data", Data, "--artifacts", Artifacts, "--until", "ingest"], default);
        var validate = new ValidateCommand();
        Assert.Equal(0, await validate.RunAsync(["--data", Data], default));

        var file = Path.Combine(Data, Datasets.CuratedMarketDaily.PartitionFile(_market.LastSession));
        File.WriteAllBytes(file, [.. File.ReadAllBytes(file).Take(100)]);
        var errors = new StringWriter();
        var console = Console.Error;
        Console.SetError(errors);
        try
        {
            Assert.Equal(1, await validate.RunAsync(["--data", Data], default));
        }
        finally
        {
            Console.SetError(console);
        }
        Assert.Contains($"problem: curated.market_daily | {file} | column * | readable Parquet", errors.ToString());
        Assert.Contains("raw.market: 10 partition(s)", errors.ToString());
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
