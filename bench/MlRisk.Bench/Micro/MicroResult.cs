namespace MlRisk.Bench.Micro;

/// <summary>One BenchmarkDotNet result, per operation, in nanoseconds; allocation per operation when the diagnoser saw it.</summary>
public sealed record MicroResult(string Name, double MedianNs, double MeanNs, double StdDevNs, int Iterations, long? AllocatedBytes);
