using MlRisk.Core.Contracts;

namespace MlRisk.Core.Sources;

/// <summary>
/// Where daily bars come from: the synthetic market, a CSV folder or the live HTTP sources.
/// Returns the bars of one symbol for the completed sessions in [from, to], in date order.
/// </summary>
public interface IMarketSource
{
    string Name { get; }

    Task<IReadOnlyList<SourceBar>> FetchAsync(string symbol, DateOnly from, DateOnly to, CancellationToken ct);
}
