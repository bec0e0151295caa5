using Microsoft.Extensions.DependencyInjection;

namespace MlRisk.Core.Sources;

/// <summary>Resolves the source registered under a kind (see <see cref="MarketSourceKinds"/>).</summary>
public sealed class MarketSourceFactory(IServiceProvider services) : IMarketSourceFactory
{
    public IMarketHistorySource Create(string kind)
    {
        if (!MarketSourceKinds.All.Contains(kind))
        {
            throw new ArgumentException(
                $"Unknown market source '{kind}'; use one of: {string.Join(", ", MarketSourceKinds.All)}.", nameof(kind));
        }
        return services.GetRequiredKeyedService<IMarketHistorySource>(kind);
    }
}
