using Microsoft.Extensions.Time.Testing;
using MlRisk.Core.Lake;
using MlRisk.Core.Modeling;
using MlRisk.Core.Observability;
using MlRisk.Core.Pipeline;

namespace MlRisk.Tests.Observability;

/// <summary>The text-mode stage lines and the progress spinner, on a fake clock.</summary>
public sealed class ConsoleStageReporterTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 22, 30, 0, TimeSpan.Zero));
    private readonly StringWriter _output = new();
    private readonly StringWriter _progress = new();
    private readonly ConsoleStageReporter _reporter;

    public ConsoleStageReporterTests()
    {
        _reporter = new ConsoleStageReporter(_output, _progress, _time);
    }

    [Fact]
    public void A_stage_ending_within_a_second_prints_one_line_and_no_progress()
    {
        _reporter.StageStarted(StageName.Ingest);
        _time.Advance(TimeSpan.FromMilliseconds(400));
        _reporter.StageFinished(Summary(StageName.Ingest, 400, Written(3267, skipped: 2, revised: 1)));

        Assert.Equal("", _progress.ToString());
        Assert.Equal(
            "ingest    succeeded    0.4 s  3267 partitions written, 2 skipped, 1 revised" + Environment.NewLine,
            _output.ToString());
    }

    [Fact]
    public void A_stage_longer_than_a_second_shows_its_elapsed_seconds_in_place_and_clears_them_at_its_end()
    {
        _reporter.StageStarted(StageName.Features);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("\r| features 1 s", _progress.ToString());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Contains("features 2 s", _progress.ToString());

        _reporter.StageFinished(Summary(StageName.Features, 2000, Written(10, 0, 0)));
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.EndsWith("\r\u001b[K", _progress.ToString());
        Assert.StartsWith("features  succeeded    2.0 s", _output.ToString());
    }

    [Fact]
    public void A_failed_stage_prints_its_whole_error()
    {
        const string error = "SPY from /in: the folder does not exist; point Sources:Csv:Folder (--input) at a folder holding SPY.csv";
        _reporter.StageFinished(new StageSummary(StageName.Ingest, StageStatus.Failed, _time.GetUtcNow(), 12, null, error));

        Assert.Equal($"ingest    failed       0.0 s  {error}{Environment.NewLine}", _output.ToString());
    }

    [Fact]
    public void Train_prints_the_model_the_gate_and_the_accuracy_table()
    {
        var score = new ForecastScore(AccuracyTable.ModelName, 0.0117, 0.3773, 0.13, 0.314);
        var baseline = new ForecastScore(AccuracyTable.BaselineName, 0.0134, 0.5498, 0, 0);
        var accuracy = new AccuracyTable(new DateOnly(2012, 3, 29), new DateOnly(2026, 11, 20), 3684, score, baseline, score, score);
        var gate = new GateDecision(true, 0.02, 0.314, 0.13, "passed: the model beats the baseline by at least the margin");
        var result = new StageResult(StageName.Train, 100, [], []) { Training = new TrainingOutcome("20261120-08bf", true, accuracy, gate, true) };

        _reporter.StageFinished(Summary(StageName.Train, 1900, result));

        var lines = _output.ToString().Split(Environment.NewLine);
        Assert.Equal("train     succeeded    1.9 s  model 20261120-08bf (new, the champion)", lines[0]);
        Assert.Equal("          gate passed: the model beats the baseline by at least the margin", lines[1]);
        Assert.Equal("          out-of-sample 2012-03-29..2026-11-20, 3684 rows", lines[2]);
        Assert.StartsWith("          forecaster", lines[3]);
        Assert.StartsWith("          baseline ", lines[5]);
    }

    private StageSummary Summary(StageName stage, double ms, StageResult result) =>
        new(stage, StageStatus.Succeeded, _time.GetUtcNow(), ms, result, null);

    private static StageResult Written(int written, int skipped, int revised) =>
        new(StageName.Ingest, written, [new PartitionWriteResult("raw.market", written, written, skipped, revised, revised, [])], []);

    public void Dispose() => _reporter.Dispose();
}
