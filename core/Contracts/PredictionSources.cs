namespace MlRisk.Core.Contracts;

/// <summary>The provenance values of predictions_daily.source.</summary>
public static class PredictionSources
{
    /// <summary>Out-of-sample: from the walk-forward fold whose training ended before this date.</summary>
    public const string WalkForward = "walk_forward";

    /// <summary>From the served model, for a date after its last training row.</summary>
    public const string Champion = "champion";
}
