using System.Globalization;
using MlRisk.Core.Modeling;
using MlRisk.Core.Pipeline;

namespace MlRisk.Core.Observability;

/// <summary>
/// A run for a person at a terminal: one line per stage as it ends (status, duration, partitions written, skipped,
/// revised; after train the model, the gate and the accuracy table), and while a stage runs longer than a second a
/// spinner with the elapsed seconds, rewritten in place on <c>progress</c> (null when that is not a terminal).
/// </summary>
public sealed class ConsoleStageReporter(TextWriter output, TextWriter? progress, TimeProvider time) : IStageObserver, IDisposable
{
    private static readonly TimeSpan ProgressAfter = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(250);
    private const string Spinner = @"|/-\";
    private const string ClearLine = "\r\u001b[K";
    private const int NameWidth = 9;

    private readonly Lock _lock = new();
    private Progress? _running;
    private bool _progressShown;

    public void StageStarted(StageName stage)
    {
        if (progress is null) return;
        lock (_lock)
        {
            _running?.Dispose();
            _running = new Progress(this, stage, time);
        }
    }

    public void StageFinished(StageSummary summary)
    {
        lock (_lock)
        {
            _running?.Dispose();
            _running = null;
            if (_progressShown)
            {
                progress!.Write(ClearLine);
                progress.Flush();
                _progressShown = false;
            }
            output.WriteLine(Line(summary));
            output.Flush();
        }
    }

    public void Dispose()
    {
        lock (_lock) _running?.Dispose();
    }

    private static string Line(StageSummary summary)
    {
        var head = string.Create(CultureInfo.InvariantCulture,
            $"{Name(summary.Stage),-NameWidth} {summary.Status.ToString().ToLowerInvariant(),-9} {summary.DurationMs / 1000,6:0.0} s  ");
        if (summary.Result is not { } result) return head + summary.Error;
        return TrainReport(result) is { } train
            ? head + train
            : head + string.Create(CultureInfo.InvariantCulture,
                $"{result.PartitionsWritten} partitions written, {result.PartitionsSkipped} skipped, {result.PartitionsRevised} revised");
    }

    /// <summary>
    /// What train decided: why it trained or not (<see cref="StageResult.Retrain"/>), and the model it trained
    /// (<see cref="StageResult.Training"/>) with the accuracy table under it.
    /// </summary>
    private static string? TrainReport(StageResult result)
    {
        var indent = new string(' ', NameWidth + 1);
        if (result.Training is not { } outcome)
        {
            return result.Retrain is { } skipped ? $"no model due: {skipped.Detail}" : null;
        }
        var lines = outcome.Accuracy.ToText().TrimEnd().Split('\n').Select(line => indent + line.TrimEnd('\r'));
        return string.Join(Environment.NewLine,
        [
            $"model {outcome.Version} ({(outcome.Stored ? "new" : "already stored")}, {(outcome.Promoted ? "the champion" : "not promoted")})",
            .. result.Retrain is { } decision ? [$"{indent}trained because {RetrainReasonName.Of(decision.Reason)}: {decision.Detail}"] : Array.Empty<string>(),
            $"{indent}gate {outcome.Gate.Summary}",
            .. lines,
        ]);
    }

    private static string Name(StageName stage) => stage.ToString().ToLowerInvariant();

    private void Show(Progress running, int frame)
    {
        lock (_lock)
        {
            // A tick that waited for the lock while its stage ended must not write the ended stage again.
            if (!ReferenceEquals(running, _running)) return;
            var seconds = time.GetElapsedTime(running.Started).TotalSeconds;
            progress!.Write(string.Create(CultureInfo.InvariantCulture, $"\r{Spinner[frame % Spinner.Length]} {Name(running.Stage)} {seconds:0} s "));
            progress.Flush();
            _progressShown = true;
        }
    }

    private sealed class Progress : IDisposable
    {
        private readonly ITimer _timer;
        private int _frame;

        public Progress(ConsoleStageReporter reporter, StageName stage, TimeProvider time)
        {
            Stage = stage;
            Started = time.GetTimestamp();
            _timer = time.CreateTimer(_ => reporter.Show(this, Interlocked.Increment(ref _frame) - 1), null, ProgressAfter, ProgressEvery);
        }

        public StageName Stage { get; }

        public long Started { get; }

        public void Dispose() => _timer.Dispose();
    }
}
