using System.Text.Json.Serialization;

namespace MlRisk.Core.Serving;

/// <summary>
/// One invalid member of a request, in the "errors" extension of a problem details body (RFC 9457 §3.2 style):
/// the field in dotted form, the same as a JSON pointer, and what is wrong with it.
/// </summary>
public sealed record FieldError(
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("pointer")] string Pointer,
    [property: JsonPropertyName("detail")] string Detail)
{
    public static FieldError At(string field, string detail) =>
        new(field, field.Length == 0 ? "#" : "#/" + field.Replace('.', '/'), detail);
}
