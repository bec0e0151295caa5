using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MlRisk.Core.Pipeline;
using MlRisk.Functions.Scheduling;
using MlRisk.Tests.Functions;

namespace MlRisk.Tests.Functions.Scheduling;

public sealed class PipelineSchedulerTests
{
    /// <summary>
    /// Waits for the scheduler, nudging the fake clock a second at a time: the scheduler reads the clock, then starts
    /// its timer relative to the clock at that moment, so a test that advanced in between would leave it waiting
    /// for a time that never comes. The schedules have no firing within minutes of the ones under test.
    /// </summary>
    private static async Task WaitForAsync(Func<bool> condition, FakeTimeProvider time)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }
        Assert.True(condition());
    }

    /// <summary>Waits on the real clock, long enough for a thread-pool start on a loaded machine.</summary>
    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.True(condition());
    }

    [Fact]
    public async Task Jobs_fire_at_their_cron_times_in_utc_in_pipeline_order()
    {
        // Friday 2024-06-28 22:00 UTC: ingest, features, labels, train, infer and monitor are due within the hour.
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 6, 28, 22, 0, 0, TimeSpan.Zero));
        var trigger = new RecordingTrigger();
        var log = new SchedulingLog();
        using var scheduler = new PipelineScheduler(trigger, Options.Create(new ScheduleOptions()), time, log);
        await scheduler.StartAsync(CancellationToken.None);
        // ExecuteAsync runs on the thread pool: the clock must not move before the scheduler has read it.
        await log.AllScheduled.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(100);

        time.Advance(TimeSpan.FromMinutes(29));
        await Task.Delay(50);
        Assert.Empty(trigger.Runs);

        for (var minute = 0; minute < 26; minute++)
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(5);
        }
        await WaitForAsync(() => trigger.Runs.Count == 6, time);
        Assert.Equal(
            ["timer:Ingest", "timer:Features", "timer:Labels", "timer:Train", "timer:Infer", "timer:Monitor"],
            trigger.Runs.Select(r => r.Trigger).ToArray());
        Assert.Equal([StageName.Train], trigger.Runs.ElementAt(3).Stages);
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_weekly_catch_up_runs_every_stage_on_saturday_morning()
    {
        // Two minutes early and no jump: WaitForAsync's nudges cross 06:00 however late the scheduler reads the clock.
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 6, 29, 5, 58, 0, TimeSpan.Zero));
        var trigger = new RecordingTrigger();
        var log = new SchedulingLog();
        using var scheduler = new PipelineScheduler(trigger, Options.Create(new ScheduleOptions()), time, log);
        await scheduler.StartAsync(CancellationToken.None);
        await log.AllScheduled.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await WaitForAsync(() => trigger.Runs.Count == 1, time);
        Assert.Equal("timer:DailyRun", trigger.Runs.Single().Trigger);
        Assert.Equal(Enum.GetValues<StageName>(), trigger.Runs.Single().Stages);
        await scheduler.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void A_schedule_that_is_not_six_field_cron_fails_validation_naming_the_setting()
    {
        var result = new ScheduleOptionsValidator().Validate(null, new ScheduleOptions { TrainSchedule = "30 22 * * 5" });

        Assert.True(result.Failed);
        Assert.Contains("'TrainSchedule'", result.FailureMessage);
    }

    [Fact]
    public async Task Run_on_startup_runs_every_stage_once_when_set()
    {
        var trigger = new RecordingTrigger();
        var run = new StartupRun(trigger, Options.Create(new ScheduleOptions { RunOnStartup = true }), NullLogger<StartupRun>.Instance);

        await run.StartAsync(CancellationToken.None);
        await WaitForAsync(() => trigger.Runs.Count == 1);

        Assert.Equal("startup:DailyRun", trigger.Runs.Single().Trigger);
    }

    /// <summary>A logger that says when the scheduler has logged its last schedule: it reads the clock right after.</summary>
    private sealed class SchedulingLog : ILogger<PipelineScheduler>
    {
        public TaskCompletionSource AllScheduled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).StartsWith("Scheduled " + PipelineJob.All[^1].Name + " ", StringComparison.Ordinal)) AllScheduled.TrySetResult();
        }
    }
}
