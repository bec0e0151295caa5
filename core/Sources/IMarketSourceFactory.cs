namespace MlRisk.Core.Sources;

/// <summary>Creates the source a run asks for by name: synthetic, csv or live.</summary>
public interface IMarketSourceFactory
{
    IMarketSource Create(string kind);
}
