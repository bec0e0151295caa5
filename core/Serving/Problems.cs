using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Serving;

/// <summary>
/// The API's RFC 9457 problem details (application/problem+json). Each has a stable type URI per kind of
/// failure; field-level failures are listed under "errors" with field, JSON pointer and detail.
/// </summary>
public static class Problems
{
    private const string TypeBase = "urn:mlrisk:problem:";

    public static ProblemHttpResult MalformedJson(FieldError error) => Problem(
        StatusCodes.Status400BadRequest, "malformed-json", "The request body is not valid JSON", error.Detail,
        new() { ["errors"] = new[] { error } });

    public static ProblemHttpResult InvalidRequest(IReadOnlyList<FieldError> errors) => Problem(
        StatusCodes.Status400BadRequest, "invalid-request", "The request is invalid", Summarize(errors),
        new() { ["errors"] = errors });

    /// <summary>422: the JSON is well-formed and complete, but values lie outside what a market can produce.</summary>
    public static ProblemHttpResult OutOfDomain(IReadOnlyList<FeatureViolation> violations)
    {
        var errors = new FieldError[violations.Count];
        for (var i = 0; i < errors.Length; i++)
        {
            var v = violations[i];
            errors[i] = FieldError.At(PredictRequestReader.FeatureVector + "." + v.Feature,
                v.Rule == "in " + v.Allowed
                    ? string.Create(CultureInfo.InvariantCulture, $"{v.Feature} = {v.Value:R} must be in {v.Allowed}.")
                    : string.Create(CultureInfo.InvariantCulture, $"{v.Feature} = {v.Value:R} must {v.Rule}: allowed {v.Allowed}."),
                v.Value, v.Allowed);
        }
        return Problem(StatusCodes.Status422UnprocessableEntity, "feature-out-of-domain", "Feature values outside their domain",
            Summarize(errors) + " The domain is the one features_daily enforces (DESIGN §3).",
            new() { ["errors"] = errors });
    }

    /// <summary>
    /// 422: in-domain inputs for which the model still gave no finite positive forecast. The inputs outside the
    /// training range are the likely cause and are named; without any, every input is listed.
    /// </summary>
    public static ProblemHttpResult NoFiniteForecast(
        string version, DateOnly date, double forecast, ReadOnlySpan<double> features, IReadOnlyList<InputWarning> outsideTraining)
    {
        var errors = new List<FieldError>();
        if (outsideTraining.Count > 0)
        {
            foreach (var w in outsideTraining) errors.Add(FieldError.At(PredictRequestReader.FeatureVector + "." + w.Feature, w.Detail, w.Value));
        }
        else
        {
            for (var f = 0; f < features.Length; f++)
            {
                errors.Add(FieldError.At(PredictRequestReader.FeatureVector + "." + FeatureNames.All[f],
                    string.Create(CultureInfo.InvariantCulture, $"input {FeatureNames.All[f]} = {features[f]:R}"), features[f]));
            }
        }
        return Problem(StatusCodes.Status422UnprocessableEntity, "forecast-not-finite", "The model gives no finite forecast for these inputs",
            string.Create(CultureInfo.InvariantCulture,
                $"Model {version} forecast rv_5d = {forecast:R} for {date:yyyy-MM-dd}; a forecast must be a positive finite number. ") +
            "Check the inputs named in errors.",
            new() { ["errors"] = errors });
    }

    public static ProblemHttpResult BodyTooLarge(long? length) => Problem(
        StatusCodes.Status413PayloadTooLarge, "body-too-large", "The request body is too large",
        $"The body{(length is { } n ? $" of {n} bytes" : "")} exceeds the limit of {PredictRequestReader.MaxBodyBytes} bytes (64 KiB).",
        new() { ["errors"] = new[] { FieldError.At("", $"At most {PredictRequestReader.MaxBodyBytes} bytes.") } });

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) => Problem(
        StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "The body must be JSON",
        $"Content-Type '{contentType}' is not JSON; send 'Content-Type: application/json'.", null);

    public static ProblemHttpResult NoStoredFeatures(DateOnly date) => Problem(
        StatusCodes.Status404NotFound, "no-stored-features", "No stored features for this date",
        $"features_daily has no row for {date:yyyy-MM-dd} (not a trading day, not ingested yet, or inside the warm-up); " +
        "send feature_vector or pick a date the pipeline has processed.",
        new() { ["errors"] = new[] { FieldError.At(PredictRequestReader.AsOfDate, $"No features_daily row for {date:yyyy-MM-dd}.") } });

    /// <summary>
    /// 503 while nothing passed the gate, with the blocked candidate's scores and gate verdict when there is one;
    /// <c>model-damaged</c> when the champion's files do not read, naming the file and the fix.
    /// </summary>
    public static ProblemHttpResult NoChampion(ChampionState state) => state.Damaged
        ? Problem(StatusCodes.Status503ServiceUnavailable, "model-damaged", "The champion model does not load", state.BlockedReason!, null)
        : Problem(StatusCodes.Status503ServiceUnavailable, "no-champion", "No champion model is being served", state.BlockedReason!,
        new()
        {
            ["candidate_version"] = state.Card?.ModelVersion,
            ["gate"] = state.Card?.Gate,
            ["scores"] = state.Card?.Scores,
            ["calibration"] = state.Card?.Calibration,
            ["regime_cuts"] = state.Card?.Metadata.RegimeCuts,
        });

    /// <summary>
    /// 500 for an exception no handler expected. Stored data that does not read (<see cref="InvalidDataException"/>,
    /// whose messages name the file and the fix, and nothing a client sent) is said as it is, for the operator
    /// behind the dashboard; anything else keeps its message to the server's log, found by the trace_id.
    /// </summary>
    public static ProblemHttpResult Unexpected(Exception exception) => exception is InvalidDataException
        ? Problem(StatusCodes.Status500InternalServerError, "stored-data-damaged", "Stored data does not read", exception.Message, null)
        : Problem(StatusCodes.Status500InternalServerError, "internal-error", "The server failed on this request",
            "An unexpected error occurred; the server's log has the exception under this problem's trace_id.", null);

    public static ProblemHttpResult NotFound(string kind, string title, string detail) =>
        Problem(StatusCodes.Status404NotFound, kind, title, detail, null);

    private static ProblemHttpResult Problem(
        int status, string kind, string title, string detail, Dictionary<string, object?>? extensions) =>
        TypedResults.Problem(detail, statusCode: status, title: title, type: TypeBase + kind, extensions: extensions);

    private static string Summarize(IReadOnlyList<FieldError> errors)
    {
        const int shown = 3;
        var parts = new List<string>(shown);
        for (var i = 0; i < errors.Count && i < shown; i++) parts.Add($"{DisplayName(errors[i])}: {errors[i].Detail}");
        var more = errors.Count > shown ? $" (+{errors.Count - shown} more in errors)" : "";
        return string.Join(" ", parts) + more;
    }

    private static string DisplayName(FieldError error) => error.Field.Length == 0 ? "body" : error.Field;
}
