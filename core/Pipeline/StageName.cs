namespace MlRisk.Core.Pipeline;

/// <summary>The pipeline stages in the order a full run executes them.</summary>
public enum StageName
{
    Ingest,
    Features,
    Labels,
    Train,
    Infer,
    Monitor,
}
