using System.Text;

namespace MlRisk.Core.Lake;

/// <summary>Data failed the dataset contracts; the message lists every violation (up to a limit, then a count).</summary>
public sealed class LakeValidationException(string what, IReadOnlyList<SchemaViolation> violations)
    : Exception(Format(what, violations))
{
    private const int Listed = 50;

    public IReadOnlyList<SchemaViolation> Violations { get; } = violations;

    private static string Format(string what, IReadOnlyList<SchemaViolation> violations)
    {
        var text = new StringBuilder();
        text.Append($"{what}: {violations.Count} schema violation(s). ")
            .Append("Fix the source data, or delete the named files and re-run.");
        for (var i = 0; i < Math.Min(Listed, violations.Count); i++)
        {
            text.AppendLine().Append("  ").Append(violations[i]);
        }
        if (violations.Count > Listed) text.AppendLine().Append($"  … and {violations.Count - Listed} more");
        return text.ToString();
    }
}
