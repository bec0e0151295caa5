namespace MlRisk.Core.Lake;

/// <summary>The production <see cref="IFaultPoints"/>: nothing happens at any point.</summary>
public sealed class NoFaultPoints : IFaultPoints
{
    public void PartitionPublished(string dataset)
    {
    }

    public void Reached(string point)
    {
    }
}
