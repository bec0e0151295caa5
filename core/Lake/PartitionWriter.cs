using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MlRisk.Core.Lake;

/// <summary>
/// Writes rows into date partitions by the DESIGN §6 protocol: validate everything first, never overwrite
/// (a stored partition is skipped and compared; differences are revisions, reported and not applied), stage
/// every new file under a temp name in parallel, then publish them in date order so a crash leaves a
/// prefix of the dates, never a hole that a later incremental run would not revisit. Used under the run lock
/// (<see cref="Pipeline.PipelineRunner"/>): the temp files a crash left are removed by the next write.
/// </summary>
public sealed class PartitionWriter(
    ILakeStorage storage, LakeReader reader, LakeRunCache runCache, IOptions<LakeOptions> options, IFaultPoints faults, ILogger<PartitionWriter> log)
{
    /// <summary>Validates, compares with stored partitions and encodes; writes nothing.</summary>
    public async Task<PartitionWritePlan> PlanAsync<TRow>(Dataset<TRow> dataset, IEnumerable<TRow> rows, CancellationToken ct)
    {
        var byDate = new SortedDictionary<DateOnly, List<TRow>>();
        foreach (var row in rows)
        {
            var date = dataset.DateOf(row);
            if (!byDate.TryGetValue(date, out var list)) byDate[date] = list = [];
            list.Add(row);
        }

        var validation = new ValidationReport();
        foreach (var (date, list) in byDate)
        {
            var checks = new PartitionChecks(dataset.Name, storage.Describe(dataset.PartitionFile(date)));
            dataset.Check(list, date, checks);
            validation.AddRange(checks.Violations);
        }

        var listing = await reader.ListAsync(dataset, ct);
        var stored = byDate.Keys.Where(listing.Contains).ToList();
        var (revisedPartitions, revisions) = await CompareAsync(dataset, listing, stored, byDate, validation, ct);

        var fresh = byDate.Where(p => !listing.Contains(p.Key)).ToList();
        var pending = new PendingPartition[fresh.Count];
        if (validation.IsValid)
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.EffectiveParallelism, CancellationToken = ct };
            Parallel.For(0, fresh.Count, parallel, i =>
            {
                var (date, list) = fresh[i];
                var ordered = dataset.Ordered(list);
                pending[i] = new PendingPartition<TRow>(dataset, date, PartitionEncoder.Encode(dataset, ordered), ordered);
            });
        }
        return new PartitionWritePlan(dataset, validation.IsValid ? pending : [], stored.Count, revisedPartitions, revisions, validation);
    }

    /// <summary>
    /// Writes the plans' new partitions, all datasets together: nothing at all when any plan has a violation
    /// (one exception lists them all); then every file is staged; then published date by date.
    /// </summary>
    public async Task<IReadOnlyList<PartitionWriteResult>> CommitAsync(IReadOnlyList<PartitionWritePlan> plans, CancellationToken ct)
    {
        var validation = new ValidationReport();
        foreach (var plan in plans) validation.AddRange(plan.Validation.Violations);
        validation.ThrowIfInvalid($"Writing {string.Join(", ", plans.Select(p => p.Dataset.Name))} (nothing was written)");

        foreach (var plan in plans.Where(p => p.Pending.Count > 0)) await RemoveLeftoversAsync(plan.Dataset, ct);

        var work = plans.SelectMany((plan, index) => plan.Pending.Select(p => (Plan: index, Partition: p)))
            .OrderBy(w => w.Partition.Date).ThenBy(w => w.Plan).ToList();
        var staged = new StagedFile?[work.Count];
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.EffectiveParallelism, CancellationToken = ct };
            await Parallel.ForAsync(0, work.Count, parallel, async (i, token) =>
                staged[i] = await storage.StageAsync(work[i].Partition.Path, work[i].Partition.Content, token));
        }
        catch
        {
            foreach (var file in staged)
            {
                if (file is not null) await storage.DiscardAsync(file, CancellationToken.None);
            }
            throw;
        }

        var written = new int[plans.Count];
        var rows = new int[plans.Count];
        var lost = new int[plans.Count];
        try
        {
            for (var i = 0; i < work.Count; i++)
            {
                bool published;
                try
                {
                    published = await storage.PublishAsync(staged[i]!, CancellationToken.None);
                }
                catch
                {
                    // A publish that fails (full disk, lost permission) ends the write: the dates before it stand as a
                    // prefix, and the staged files after it are removed rather than left behind as stray temp files.
                    for (var j = i + 1; j < work.Count; j++) await storage.DiscardAsync(staged[j]!, CancellationToken.None);
                    throw;
                }
                if (published)
                {
                    work[i].Partition.ReportPublished(runCache);
                    written[work[i].Plan]++;
                    rows[work[i].Plan] += work[i].Partition.Rows;
                    faults.PartitionPublished(plans[work[i].Plan].Dataset.Name);
                }
                else
                {
                    lost[work[i].Plan]++;
                }
            }
        }
        finally
        {
            // Even a publish that failed midway may have added files: no shared listing of these datasets stands.
            foreach (var plan in plans.Where(p => p.Pending.Count > 0)) runCache.FilesChanged(plan.Dataset);
        }

        var results = new PartitionWriteResult[plans.Count];
        for (var p = 0; p < plans.Count; p++)
        {
            var plan = plans[p];
            results[p] = new PartitionWriteResult(plan.Dataset.Name, rows[p], written[p], plan.Skipped + lost[p],
                plan.RevisedPartitions, plan.Revisions.Count, [.. plan.Revisions.Take(PartitionWritePlan.RevisionExamples)]);
            if (plan.Revisions.Count > 0)
            {
                log.LogWarning("{Dataset}: {Revisions} revision(s) in {PartitionsRevised} stored partition(s), not applied; e.g. {RevisionExamples}",
                    plan.Dataset.Name, plan.Revisions.Count, plan.RevisedPartitions, results[p].RevisionExamples.Select(r => r.ToString()));
            }
        }
        return results;
    }

    /// <summary>
    /// Deletes the temp files of a dataset about to be written. Writes happen under the run lock, so these can only
    /// be files a killed run staged and never published; without this they would pile up run after run.
    /// </summary>
    private async Task RemoveLeftoversAsync(DatasetContract dataset, CancellationToken ct)
    {
        var leftovers = (await reader.ListAsync(dataset, ct)).StrayTempFiles;
        if (leftovers.Count == 0) return;
        try
        {
            foreach (var path in leftovers) await storage.RemoveLeftoverAsync(path, ct);
        }
        finally
        {
            runCache.FilesChanged(dataset);
        }
        log.LogWarning("{Dataset}: removed {Leftovers} temp file(s) an interrupted run left, e.g. {Examples}",
            dataset.Name, leftovers.Count, leftovers.Take(3));
    }

    /// <summary>Plans and commits one dataset.</summary>
    public async Task<PartitionWriteResult> WriteAsync<TRow>(Dataset<TRow> dataset, IEnumerable<TRow> rows, CancellationToken ct)
    {
        var plan = await PlanAsync(dataset, rows, ct);
        return (await CommitAsync([plan], ct))[0];
    }

    private async Task<(int Partitions, List<Revision> Revisions)> CompareAsync<TRow>(
        Dataset<TRow> dataset, PartitionListing listing, List<DateOnly> stored,
        SortedDictionary<DateOnly, List<TRow>> incoming, ValidationReport validation, CancellationToken ct)
    {
        var revisions = new List<Revision>();
        if (stored.Count == 0) return (0, revisions);
        var storedRows = await reader.ReadPartitionsAsync(dataset, listing, stored, validation, ct);
        var byKey = new Dictionary<(DateOnly, string), TRow>();
        foreach (var row in storedRows) byKey[(dataset.DateOf(row), dataset.KeyOf(row))] = row;

        var revisedDates = new HashSet<DateOnly>();
        foreach (var date in stored)
        {
            foreach (var row in incoming[date])
            {
                var key = dataset.KeyOf(row);
                var change = byKey.TryGetValue((date, key), out var old) ? dataset.Difference(old, row) : "row not in the stored partition";
                if (change is null) continue;
                revisions.Add(new Revision(dataset.Name, date, key, change));
                revisedDates.Add(date);
            }
        }
        return (revisedDates.Count, revisions);
    }
}
