using MlRisk.Bench;

BenchSettings settings;
try
{
    settings = BenchSettings.Parse(args, Environment.GetEnvironmentVariable(BenchSettings.MarketDataVariable), Directory.GetCurrentDirectory());
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}\n{BenchSettings.Usage}");
    return 2;
}

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
try
{
    return await BenchCommand.RunAsync(settings, cts.Token);
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("bench cancelled");
    return 130;
}
catch (Exception e)
{
    Console.Error.WriteLine($"bench failed: {e.GetType().Name}: {e.Message}");
    return 1;
}
