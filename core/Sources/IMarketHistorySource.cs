namespace MlRisk.Core.Sources;

/// <summary>A market source that knows where a first ingest into an empty lake should start.</summary>
public interface IMarketHistorySource : IMarketSource
{
    /// <summary>The first date a first ingest asks for; later ingests continue from the last stored date.</summary>
    DateOnly DefaultStart { get; }
}
