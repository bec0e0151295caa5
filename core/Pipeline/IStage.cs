namespace MlRisk.Core.Pipeline;

/// <summary>
/// One idempotent pipeline step: it looks at what the lake holds, computes what is pending, writes it,
/// and does nothing when nothing is pending. Register with <see cref="PipelineServiceCollectionExtensions.AddMlRiskStage{TStage}"/>.
/// </summary>
public interface IStage
{
    StageName Name { get; }

    Task<StageResult> RunAsync(CancellationToken ct);
}
