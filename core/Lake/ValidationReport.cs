using System.Collections.Concurrent;

namespace MlRisk.Core.Lake;

/// <summary>
/// Collects every violation of a validation pass, lazily like Pandera: checks keep running after a failure
/// so one report lists every problem. Safe to fill from parallel readers.
/// </summary>
public sealed class ValidationReport
{
    private readonly ConcurrentQueue<SchemaViolation> _violations = new();

    public bool IsValid => _violations.IsEmpty;

    /// <summary>The violations ordered by dataset, file, column and check, so reports are stable.</summary>
    public IReadOnlyList<SchemaViolation> Violations =>
        [.. _violations.OrderBy(v => v.Dataset, StringComparer.Ordinal)
            .ThenBy(v => v.File, StringComparer.Ordinal)
            .ThenBy(v => v.Column, StringComparer.Ordinal)
            .ThenBy(v => v.Check, StringComparer.Ordinal)];

    public void Add(SchemaViolation violation) => _violations.Enqueue(violation);

    public void AddRange(IEnumerable<SchemaViolation> violations)
    {
        foreach (var v in violations) _violations.Enqueue(v);
    }

    /// <summary>Throws <see cref="LakeValidationException"/> listing every violation, if there is any.</summary>
    public void ThrowIfInvalid(string what)
    {
        if (!IsValid) throw new LakeValidationException(what, Violations);
    }
}
