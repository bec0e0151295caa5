namespace MlRisk.Core.Pipeline;

/// <summary>Why the train stage did or did not fit a model.</summary>
public enum RetrainReason
{
    /// <summary>No model has been promoted yet (or champion.json names one this version of MlRisk cannot read).</summary>
    NoChampion,

    /// <summary>Asked for: <c>--retrain</c> or Retrain:Force.</summary>
    Forced,

    /// <summary>Retrain:CadenceLabels new labels have realized since the champion's last training date.</summary>
    Cadence,

    /// <summary>The monitor raised an alert after the newest stored model was trained.</summary>
    MonitorAlert,

    /// <summary>None of the above: the stage did nothing.</summary>
    NotDue,
}

/// <summary>The one spelling of a <see cref="RetrainReason"/> outside the JSON (logs, metadata): no_champion, forced, cadence, monitor_alert, not_due.</summary>
public static class RetrainReasonName
{
    public static string Of(RetrainReason reason) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(reason.ToString());
}

/// <summary>The train stage's decision, in the log and in the run summary: whether it trains, why, and the numbers behind it.</summary>
public sealed record RetrainDecision(bool Train, RetrainReason Reason, string Detail);
