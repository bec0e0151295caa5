using MlRisk.Core.Lake;
using MlRisk.Core.Pipeline;

namespace MlRisk.Tests.Lake;

/// <summary>Every small JSON artifact (here a run summary) reads absent as null and damaged as a message naming the file.</summary>
public sealed class ArtifactJsonTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mlrisk-artifact-json-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_absent_run_summary_reads_as_none()
    {
        Assert.Null(await new ArtifactRunSummaryStore(new FileSystemArtifactStore(_root)).ReadLatestAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("{\"run_id\": ", "is not a run summary (")]
    [InlineData("", "is not a run summary (")]
    [InlineData("null", "holds null, not a run summary;")]
    public async Task A_damaged_run_summary_names_the_file_and_the_fix(string content, string problem)
    {
        var file = Path.Combine(_root, "runs", "20261201T120000000Z-0badf00d", ArtifactRunSummaryStore.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, content);

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => new ArtifactRunSummaryStore(new FileSystemArtifactStore(_root)).ReadLatestAsync(CancellationToken.None));

        Assert.StartsWith($"{file} {problem}", error.Message);
        Assert.EndsWith("delete it: the next run writes a new one, and /runs/latest then returns that", error.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
