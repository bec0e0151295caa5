namespace MlRisk.Tests.Sources.Live;

/// <summary>One answer of the local market data server: status, body, and optionally a delay or a Retry-After header.</summary>
public sealed record ScriptedResponse(int Status, string Body, string ContentType = "application/json", TimeSpan Delay = default, string? RetryAfter = null)
{
    public static ScriptedResponse Json(string body) => new(200, body);

    public static ScriptedResponse Csv(string body) => new(200, body, "text/csv");

    public static ScriptedResponse Html(string body) => new(200, body, "text/html; charset=utf-8");

    public static ScriptedResponse Error(int status, string body = "") => new(status, body, "text/plain");
}
