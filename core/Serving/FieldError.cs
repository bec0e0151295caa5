using System.Text.Json.Serialization;

namespace MlRisk.Core.Serving;

/// <summary>
/// One invalid member of a request, in the "errors" extension of a problem details body (RFC 9457 §3.2 style):
/// the field in dotted form, the same as a JSON pointer in its URI fragment form (RFC 6901 §6), and what is wrong with
/// it; for a value outside its domain also the value and the values allowed.
/// </summary>
public sealed record FieldError(
    string Field,
    string Pointer,
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Value = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Allowed = null)
{
    /// <param name="field">A dotted path of the API's own member names ("feature_vector.vix"), or "" for the whole body.</param>
    public static FieldError At(string field, string detail, double? value = null, string? allowed = null) =>
        At(field.Length == 0 ? [] : field.Split('.'), detail, value, allowed);

    /// <param name="path">The member names as the client sent them: they may hold '.', '/', '~' or anything else.</param>
    public static FieldError At(IReadOnlyList<string> path, string detail, double? value = null, string? allowed = null) =>
        new(string.Join('.', path), "#" + string.Concat(path.Select(name => "/" + PointerToken(name))), detail, value, allowed);

    /// <summary>'~' and '/' escaped as a pointer token (RFC 6901 §4), then percent-encoded for the fragment (§6).</summary>
    private static string PointerToken(string name) => Uri.EscapeDataString(name.Replace("~", "~0").Replace("/", "~1"));
}
