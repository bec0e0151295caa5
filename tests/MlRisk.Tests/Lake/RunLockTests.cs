using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake;

public sealed class RunLockTests
{
    [Fact]
    public async Task A_second_holder_is_refused_with_the_first_holders_name_until_the_lock_is_released()
    {
        using var lake = new TestLake();
        var first = await lake.Storage.AcquireRunLockAsync("run A (timer)", default);

        var refused = await Assert.ThrowsAsync<LakeLockedException>(() => lake.Storage.AcquireRunLockAsync("run B (cli)", default));
        Assert.Contains("run A (timer)", refused.Message);

        await first.DisposeAsync();
        await using var second = await lake.Storage.AcquireRunLockAsync("run B (cli)", default);
    }

    [Fact]
    public async Task A_waiting_holder_gets_the_lock_when_the_first_releases_it_within_the_wait()
    {
        using var lake = new TestLake(settings: new Dictionary<string, string?> { ["Lake:LockWait"] = "00:00:05" });
        var first = await lake.Storage.AcquireRunLockAsync("run A", default);
        var waiting = lake.Storage.AcquireRunLockAsync("run B", default);
        await Task.Delay(100);
        Assert.False(waiting.IsCompleted);

        await first.DisposeAsync();
        await using var second = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
