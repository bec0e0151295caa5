namespace MlRisk.Core.Sources;

/// <summary>Creates the source a run asks for by name: synthetic, csv or live.</summary>
public interface IMarketSourceFactory
{
    /// <summary>The source for <paramref name="kind"/>, with its <see cref="IMarketHistorySource.DefaultStart"/>.</summary>
    IMarketHistorySource Create(string kind);
}
