namespace MlRisk.Core.Lake;

/// <summary>
/// The failures found in one partition file, grouped by column and check with a count and the first few examples.
/// </summary>
internal sealed class PartitionChecks(string dataset, string file)
{
    private const int ExampleCount = 3;

    private readonly Dictionary<(string Column, string Check), (int Count, List<string> Examples)> _failures = [];

    public string Dataset { get; } = dataset;

    public string File { get; } = file;

    public bool Failed => _failures.Count > 0;

    public void Fail(string column, string check, string example)
    {
        var key = (column, check);
        if (!_failures.TryGetValue(key, out var entry)) entry = (0, []);
        if (entry.Examples.Count < ExampleCount) entry.Examples.Add(example);
        _failures[key] = (entry.Count + 1, entry.Examples);
    }

    public IEnumerable<SchemaViolation> Violations =>
        _failures.Select(f => new SchemaViolation(Dataset, File, f.Key.Column, f.Key.Check, f.Value.Count, f.Value.Examples));
}
