namespace MlRisk.Core.Lake;

/// <summary>Checks every partition of every dataset against its contract and lists every problem at once.</summary>
public sealed class LakeValidator(LakeReader reader)
{
    public async Task<LakeValidationResult> ValidateAsync(CancellationToken ct)
    {
        var report = new ValidationReport();
        var partitions = new Dictionary<string, int>(StringComparer.Ordinal);
        var temps = new List<string>();
        foreach (var dataset in Datasets.All)
        {
            var (stored, strayTempFiles) = await dataset.ValidateStoredAsync(reader, report, ct);
            partitions[dataset.Name] = stored;
            temps.AddRange(strayTempFiles);
        }
        return new LakeValidationResult(partitions, report.Violations, temps);
    }
}
