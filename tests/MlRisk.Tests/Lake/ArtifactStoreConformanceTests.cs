using MlRisk.Core.Lake;

namespace MlRisk.Tests.Lake;

/// <summary>
/// What every <see cref="IArtifactStore"/> must do, run against each backend by a subclass, so the model registry and
/// the run summaries behave the same in a folder and in a blob container. Each test gets a store of its own.
/// </summary>
public abstract class ArtifactStoreConformanceTests
{
    private const string Marker = "metadata.json";

    private IArtifactStore? _store;

    /// <summary>A new client over this test's store (every call reaches the same store, as a second process would).</summary>
    protected abstract IArtifactStore OpenStore();

    /// <summary>Leaves what a writer killed inside <see cref="IArtifactStore.WriteFolderAsync"/> leaves in this backend.</summary>
    protected abstract Task LeaveInterruptedFolderAsync(string parent, string name, string file);

    private IArtifactStore Store => _store ??= OpenStore();

    private static CancellationToken Ct => CancellationToken.None;

    private static ArtifactFile[] Version(string text) =>
        [new("model.txt", System.Text.Encoding.UTF8.GetBytes(text)), new(Marker, System.Text.Encoding.UTF8.GetBytes("{}"))];

    [LakeStorageFact]
    public async Task Nothing_stored_reads_as_absent()
    {
        Assert.Null(await Store.ReadAsync("models/champion.json", Ct));
        Assert.Null(await Store.StampAsync("models/champion.json", Ct));
        Assert.Empty(await Store.ListAsync("models", Ct));
        await Store.RemoveLeftoversAsync("models", Marker, Ct);
    }

    [LakeStorageFact]
    public async Task A_folder_is_written_once_and_never_rewritten()
    {
        Assert.True(await Store.WriteFolderAsync("models/v1", Version("first"), Ct));
        Assert.False(await OpenStore().WriteFolderAsync("models/v1", Version("second, longer"), Ct));

        Assert.Equal("first"u8.ToArray(), await Store.ReadAsync("models/v1/model.txt", Ct));
        Assert.Equal(["models/v1/metadata.json", "models/v1/model.txt"], (await Store.ListAsync("models", Ct)).Order(StringComparer.Ordinal));
    }

    [LakeStorageFact]
    public async Task A_replace_happens_only_over_the_stamp_it_was_given()
    {
        const string path = "models/champion.json";
        Assert.True(await Store.ReplaceAsync(path, "{\"version\":\"a\"}"u8.ToArray(), null, Ct));
        Assert.False(await Store.ReplaceAsync(path, "{\"version\":\"b\"}"u8.ToArray(), null, Ct));
        var first = await Store.StampAsync(path, Ct);

        Assert.True(await OpenStore().ReplaceAsync(path, "{\"version\":\"bb\"}"u8.ToArray(), first, Ct));
        var second = await Store.StampAsync(path, Ct);
        Assert.NotEqual(first, second);
        Assert.False(await Store.ReplaceAsync(path, "{\"version\":\"ccc\"}"u8.ToArray(), first, Ct));

        Assert.Equal("{\"version\":\"bb\"}"u8.ToArray(), await Store.ReadAsync(path, Ct));
        Assert.Equal([path], await Store.ListAsync("models", Ct));
    }

    [LakeStorageFact]
    public async Task Removing_leftovers_deletes_an_interrupted_folder_and_keeps_committed_ones_and_single_files()
    {
        Assert.True(await Store.WriteFolderAsync("models/v1", Version("kept"), Ct));
        Assert.True(await Store.ReplaceAsync("models/champion.json", "{}"u8.ToArray(), null, Ct));
        await LeaveInterruptedFolderAsync("models", "v2", "model.txt");
        Assert.Contains(await Store.ListAsync("models", Ct), p => !p.StartsWith("models/v1/", StringComparison.Ordinal) && p.EndsWith("/model.txt", StringComparison.Ordinal));

        await OpenStore().RemoveLeftoversAsync("models", Marker, Ct);

        Assert.Equal(["models/champion.json", "models/v1/metadata.json", "models/v1/model.txt"],
            (await Store.ListAsync("models", Ct)).Order(StringComparer.Ordinal));
    }
}
