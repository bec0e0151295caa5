using System.ComponentModel.DataAnnotations;

namespace MlRisk.Core.Pipeline;

/// <summary>When the train stage fits a new model, bound from the "Retrain" configuration section.</summary>
public sealed class RetrainOptions
{
    public const string Section = "Retrain";

    /// <summary>Retrain once this many labels have realized since the champion's last training date: 5 is a week of sessions.</summary>
    [Range(1, 100_000)]
    public int CadenceLabels { get; set; } = 5;

    /// <summary>Train whatever the cadence and the monitor say (<c>./mlrisk run --retrain</c>).</summary>
    public bool Force { get; set; }
}
