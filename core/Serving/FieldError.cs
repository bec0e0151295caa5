using System.Text.Json.Serialization;

namespace MlRisk.Core.Serving;

/// <summary>
/// One invalid member of a request, in the "errors" extension of a problem details body (RFC 9457 §3.2 style):
/// the field in dotted form, the same as a JSON pointer, and what is wrong with it; for a value outside its
/// domain also the value and the values allowed.
/// </summary>
public sealed record FieldError(
    string Field,
    string Pointer,
    string Detail,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Value = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Allowed = null)
{
    public static FieldError At(string field, string detail, double? value = null, string? allowed = null) =>
        new(field, field.Length == 0 ? "#" : "#/" + field.Replace('.', '/'), detail, value, allowed);
}
