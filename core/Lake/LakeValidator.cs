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
            partitions[dataset.Name] = await dataset.ValidateStoredAsync(reader, report, ct);
            temps.AddRange((await reader.ListAsync(dataset, ct)).StrayTempFiles);
        }
        return new LakeValidationResult(partitions, report.Violations, temps);
    }
}
