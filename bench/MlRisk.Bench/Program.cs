using MlRisk.Bench;

var folder = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable("MLRISK_MARKET_DATA");
if (string.IsNullOrWhiteSpace(folder))
{
    Console.Error.WriteLine(ModelingBench.Usage);
    return 2;
}
var results = args.Length > 1 ? args[1] : Path.Combine("bench", "results");
return await ModelingBench.RunAsync(folder, results, CancellationToken.None);
