using MlRisk.Core.Sources;

namespace MlRisk.Core.Pipeline;

/// <summary>Settings of a pipeline run, bound from the "Pipeline" configuration section.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Which market source ingest reads: synthetic, csv or live.</summary>
    public string Source { get; set; } = MarketSourceKinds.Synthetic;

    /// <summary>
    /// Root of the run summaries (runs/&lt;run_id&gt;/summary.json) and the model registry (models/…) on the folder
    /// backend; the blob backend keeps them in Lake:Blob:ArtifactsContainer and does not use this folder.
    /// </summary>
    public string ArtifactsPath { get; set; } = "artifacts";

    /// <summary>Sessions before the last stored date that ingest asks for again, to detect revisions.</summary>
    public int IngestOverlapSessions { get; set; } = 5;
}
