namespace MlRisk.Core.Pipeline;

/// <summary>Runs stages in order under the lake's run lock and records the run.</summary>
public interface IPipelineRunner
{
    /// <summary>The registered stages in execution order.</summary>
    IReadOnlyList<StageName> Stages { get; }

    /// <summary>
    /// Runs <paramref name="stages"/> in the given order, stopping at the first failure. A failed stage does not
    /// throw: the summary says Failed with the error. Throws <see cref="Lake.LakeLockedException"/> when another run holds the lake.
    /// </summary>
    Task<RunSummary> RunAsync(IReadOnlyList<StageName> stages, string trigger, CancellationToken ct);
}
