using System.Globalization;
using System.Text;
using System.Text.Json;
using MlRisk.Core.Contracts;

namespace MlRisk.Core.Serving;

/// <summary>
/// Reads a POST /predict body with <see cref="JsonDocument"/> so every error names its field:
/// <c>{"as_of_date": "YYYY-MM-DD", "feature_vector": {"spy_ret_1d": 0.001, …}}</c>. Either the JSON is malformed
/// (one error, located by field when possible) or every invalid member is reported at once.
/// A null or absent feature_vector asks for the stored features of as_of_date.
/// </summary>
public static class PredictRequestReader
{
    public const int MaxBodyBytes = 64 * 1024;
    public const string AsOfDate = "as_of_date";
    public const string FeatureVector = "feature_vector";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowDuplicateProperties = false,
        MaxDepth = 16,
    };

    private static readonly string[] NonFiniteWords = ["NaN", "Infinity", "-Infinity", "+Infinity", "inf", "-inf", "+inf"];

    /// <summary>Outcome of <see cref="Read"/>: a request, or the errors, and whether the JSON itself was malformed.</summary>
    public readonly record struct Result(PredictRequest? Request, IReadOnlyList<FieldError> Errors, bool MalformedJson);

    public static Result Read(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return Malformed(FieldError.At("", "The request body is empty; send a JSON object with as_of_date and feature_vector."));
        }

        // JsonDocument accepts invalid UTF-8 inside strings and only fails when a name or value is decoded,
        // deep in validation; the fault suite's fuzz run turned that into a 500.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span))
        {
            return Malformed(FieldError.At("", "The request body is not valid UTF-8; send the JSON text encoded as UTF-8."));
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, DocumentOptions);
        }
        catch (JsonException e)
        {
            return Malformed(Locate(body.Span, e));
        }

        using (document)
        {
            return Validate(document.RootElement);
        }
    }

    private static Result Validate(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid([FieldError.At("", $"The body must be a JSON object, not {Describe(root.ValueKind)}.")]);
        }

        var errors = new List<FieldError>();
        DateOnly? date = null;
        FeatureVector? features = null;
        var sawDate = false;

        foreach (var property in root.EnumerateObject())
        {
            switch (NameOf(property))
            {
                case AsOfDate:
                    sawDate = true;
                    date = ReadDate(property.Value, errors);
                    break;
                case FeatureVector:
                    features = ReadFeatures(property.Value, errors);
                    break;
                default:
                    errors.Add(FieldError.At([NameOf(property)],
                        $"Unknown field '{Truncate(NameOf(property))}'; the body has only '{AsOfDate}' and '{FeatureVector}'."));
                    break;
            }
        }

        if (!sawDate)
        {
            errors.Insert(0, FieldError.At(AsOfDate, "Required: the forecast date as \"YYYY-MM-DD\"."));
        }

        return errors.Count == 0 && date is { } d
            ? new Result(new PredictRequest(d, features), [], false)
            : Invalid(errors);
    }

    private static DateOnly? ReadDate(JsonElement value, List<FieldError> errors)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(FieldError.At(AsOfDate, $"Must be a date string \"YYYY-MM-DD\", not {Describe(value.ValueKind)}."));
            return null;
        }
        var text = TextOf(value);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(FieldError.At(AsOfDate, $"'{Truncate(text)}' is not a calendar date in the form YYYY-MM-DD."));
            return null;
        }
        return date;
    }

    private static FeatureVector? ReadFeatures(JsonElement value, List<FieldError> errors)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(FieldError.At(FeatureVector,
                $"Must be an object mapping each of the {FeatureNames.Count} feature names to a number, not {Describe(value.ValueKind)}."));
            return null;
        }

        var values = new double[FeatureNames.Count];
        var seen = new bool[FeatureNames.Count];
        var errorsBefore = errors.Count;
        foreach (var property in value.EnumerateObject())
        {
            var name = NameOf(property);
            var field = FeatureVector + "." + name;
            var index = FeatureNames.IndexOf(name);
            if (index < 0)
            {
                errors.Add(FieldError.At([FeatureVector, name],
                    $"Unknown feature '{Truncate(name)}'; the features are {string.Join(", ", FeatureNames.All)}."));
                continue;
            }
            seen[index] = true;
            if (ReadNumber(property.Value, field, errors) is { } number) values[index] = number;
        }

        for (var i = 0; i < FeatureNames.Count; i++)
        {
            if (!seen[i])
            {
                errors.Add(FieldError.At(FeatureVector + "." + FeatureNames.All[i], "Required feature is missing."));
            }
        }
        return errors.Count == errorsBefore ? Contracts.FeatureVector.Create(values) : null;
    }

    private static double? ReadNumber(JsonElement value, string field, List<FieldError> errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Number:
                if (value.TryGetDouble(out var number) && double.IsFinite(number)) return number;
                errors.Add(FieldError.At(field, $"{Truncate(value.GetRawText())} is outside the range of a finite double."));
                return null;
            case JsonValueKind.String when IsNonFiniteWord(TextOf(value)):
                errors.Add(FieldError.At(field, $"\"{TextOf(value)}\" is not allowed: feature values must be finite numbers."));
                return null;
            default:
                errors.Add(FieldError.At(field, $"Must be a number, not {Describe(value.ValueKind)}."));
                return null;
        }
    }

    private static bool IsNonFiniteWord(string text)
    {
        foreach (var word in NonFiniteWords)
        {
            if (string.Equals(text.Trim(), word, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>
    /// Re-reads a body that failed to parse with a <see cref="Utf8JsonReader"/>, tracking the member path, so the
    /// error names the field where the JSON broke and recognizes the bare NaN/Infinity tokens JSON does not allow.
    /// </summary>
    private static FieldError Locate(ReadOnlySpan<byte> body, JsonException parseError)
    {
        var path = new List<string>();
        var arrayIndex = new List<int>();
        var pendingName = (string?)null;
        var lastName = (string?)null;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = DocumentOptions.MaxDepth });
        var seenNames = new List<HashSet<string>>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = NameOf(ref reader);
                        lastName = pendingName;
                        if (seenNames.Count > 0 && !seenNames[^1].Add(pendingName!))
                        {
                            return FieldError.At(Join(path, pendingName), $"Field '{pendingName}' appears more than once.");
                        }
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add(pendingName ?? NextIndex(arrayIndex));
                        arrayIndex.Add(reader.TokenType == JsonTokenType.StartArray ? 0 : -1);
                        seenNames.Add([]);
                        pendingName = null;
                        lastName = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        arrayIndex.RemoveAt(arrayIndex.Count - 1);
                        seenNames.RemoveAt(seenNames.Count - 1);
                        lastName = null;
                        break;
                    default:
                        if (pendingName is null) NextIndex(arrayIndex);
                        pendingName = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // The field where the JSON broke, or, between members, the member it broke after.
            var field = Join(path, pendingName ?? lastName);
            var rest = Encoding.UTF8.GetString(body[(int)reader.BytesConsumed..]).TrimStart(' ', '\t', '\r', '\n', ':', ',');
            foreach (var word in NonFiniteWords)
            {
                if (rest.StartsWith(word, StringComparison.Ordinal))
                {
                    return FieldError.At(field, $"{word} is not valid JSON and not allowed: feature values must be finite numbers.");
                }
            }
            return FieldError.At(field, $"The body is not valid JSON: {parseError.Message}");
        }
        return FieldError.At("", $"The body is not valid JSON: {parseError.Message}");
    }

    // JSON allows escapes such as "\ud800" that are not valid UTF-16 on their own; .NET refuses to decode them,
    // so such names and strings are reported as written instead of failing the request.
    private static string NameOf(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return property.ToString().Split(':', 2)[0].Trim('"');
        }
    }

    private static string TextOf(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return value.GetRawText().Trim('"');
        }
    }

    private static string NameOf(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    private static string NextIndex(List<int> arrayIndex)
    {
        if (arrayIndex.Count == 0 || arrayIndex[^1] < 0) return "";
        return (arrayIndex[^1]++).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>The member names from the root (the root itself has the empty name) down to <paramref name="name"/>.</summary>
    private static List<string> Join(List<string> path, string? name)
    {
        var parts = new List<string>();
        foreach (var part in path)
        {
            if (part.Length > 0) parts.Add(part);
        }
        if (name is not null) parts.Add(name);
        return parts;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static Result Malformed(FieldError error) => new(null, [error], true);

    private static Result Invalid(IReadOnlyList<FieldError> errors) => new(null, errors, false);
}
