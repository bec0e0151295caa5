using System.ComponentModel.DataAnnotations;

namespace MlRisk.Core.Monitoring;

/// <summary>Settings of the monitor stage, bound from the "Monitoring" configuration section; the defaults are documented in core/Monitoring/README.md.</summary>
public sealed class MonitoringOptions
{
    public const string Section = "Monitoring";

    /// <summary>Realized forecasts in the rolling scores, and feature sessions in each drift window: 63 sessions is a quarter.</summary>
    [Range(20, 1000)]
    public int WindowSessions { get; set; } = 63;

    /// <summary>
    /// PSI above this is a warn: the customary "some shift" level. It is a floor: the feature's own in-training
    /// 99th percentile takes over when higher (<see cref="FeatureReference"/>), and likewise for the other drift thresholds.
    /// </summary>
    [Range(0.0, 10.0)]
    public double PsiWarn { get; set; } = 0.1;

    /// <summary>PSI above this is an alert: the customary "significant shift" level.</summary>
    [Range(0.0, 10.0)]
    public double PsiAlert { get; set; } = 0.25;

    /// <summary>
    /// A share of a feature's window outside its training range at or above this is an alert (any share is a warn):
    /// 0.05 is 3 of 63 sessions where the trees see values they were never fitted on.
    /// </summary>
    [Range(0.0, 1.0)]
    public double OutOfRangeAlert { get; set; } = 0.05;

    /// <summary>
    /// A rolling QLIKE of the model above this multiple of the baseline's is a warn, and an alert when the
    /// Diebold–Mariano test also finds the model worse at <see cref="Significance"/>: the model does worse than the 20-day vol.
    /// </summary>
    [Range(0.1, 10.0)]
    public double QlikeRatioBaseline { get; set; } = 1.0;

    /// <summary>A rolling QLIKE of the model above this multiple of HAR-X's, significantly (<see cref="Significance"/>), is a warn.</summary>
    [Range(0.1, 10.0)]
    public double QlikeRatioHarX { get; set; } = 1.0;

    /// <summary>One-sided level of the rolling Diebold–Mariano tests: 63 noisy QLIKE losses make a ratio above 1 common by chance.</summary>
    [Range(0.0001, 0.5)]
    public double Significance { get; set; } = 0.05;

    /// <summary>Rolling coverage of the 80 % and 90 % intervals further than this from nominal is a warn.</summary>
    [Range(0.0, 1.0)]
    public double CoverageTolerance { get; set; } = 0.2;

    /// <summary>Features whose drift is scored but never sets the status (none by default); for features known to wander, such as levels that trend.</summary>
    public string[] StatusIgnoresDriftOf { get; set; } = [];
}
