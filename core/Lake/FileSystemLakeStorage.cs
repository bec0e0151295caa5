using System.Text;
using Microsoft.Extensions.Options;

namespace MlRisk.Core.Lake;

/// <summary>
/// The lake in a local folder. A write goes to <c>.tmp-*</c> in the target folder and is linked into place
/// (link(2) never replaces a file, see <see cref="HardLink"/>) before the temp name is removed, so a reader
/// never sees half a file and a partition that exists is never replaced. The run lock is an exclusively opened
/// lock file, released by the OS when the holding process dies, so a crashed run never leaves the lake locked.
/// </summary>
public sealed class FileSystemLakeStorage : ILakeStorage
{
    private const string LockFile = ".run.lock";
    private const string HolderFile = ".run.holder";
    private static readonly TimeSpan LockPoll = TimeSpan.FromMilliseconds(50);

    private readonly string _root;
    private readonly LakeOptions _options;
    private readonly TimeProvider _time;

    public FileSystemLakeStorage(IOptions<LakeOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _root = Path.GetFullPath(_options.DataPath);
        _time = time;
    }

    public string Describe(string path) => Full(path);

    public Task<IReadOnlyList<string>> ListFilesAsync(string folder, CancellationToken ct)
    {
        var full = Full(folder);
        if (!Directory.Exists(full)) return Task.FromResult<IReadOnlyList<string>>([]);
        // A dataset is a few thousand one-file partition folders; opening each one is the cost, so they are
        // walked in parallel (a sequential walk of 4,500 folders takes about 80 ms here).
        var subfolders = Directory.GetDirectories(full);
        var nested = new List<string>[subfolders.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.EffectiveParallelism, CancellationToken = ct };
        Parallel.For(0, subfolders.Length, parallel, i =>
        {
            nested[i] = [.. Directory.EnumerateFiles(subfolders[i], "*", SearchOption.AllDirectories).Select(Relative)];
        });
        var files = Directory.GetFiles(full).Select(Relative).ToList();
        foreach (var list in nested) files.AddRange(list);
        return Task.FromResult<IReadOnlyList<string>>(files);
    }

    private string Relative(string file) => Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');

    public Task<byte[]> ReadAsync(string path, CancellationToken ct) => File.ReadAllBytesAsync(Full(path), ct);

    public Task<StagedFile> StageAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        var target = Full(path);
        var folder = Path.GetDirectoryName(target)!;
        var temp = Path.Combine(folder, TempFiles.Prefix + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(folder);
            // A partition is a few KB: one synchronous write beats an async round trip through the thread pool.
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
            stream.Write(content.Span);
            stream.Flush(_options.SyncWrites);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new IOException(
                $"Cannot write lake file {target}: {e.Message}. Check that the data folder is writable and the disk has space.", e);
        }
        return Task.FromResult(new StagedFile(path, temp));
    }

    public Task<bool> PublishAsync(StagedFile staged, CancellationToken ct)
    {
        var target = Full(staged.Path);
        bool published;
        try
        {
            published = HardLink.TryCreate(staged.TempPath, target);
        }
        catch (IOException e)
        {
            TryDelete(staged.TempPath);
            throw new IOException($"Cannot publish lake file {target}: {e.Message}. Check that the data folder is writable and the disk has space.", e);
        }
        // Published or not, the temp name goes; should that fail, the next write removes the leftover.
        TryDelete(staged.TempPath);
        return Task.FromResult(published);
    }

    public Task DiscardAsync(StagedFile staged, CancellationToken ct)
    {
        TryDelete(staged.TempPath);
        return Task.CompletedTask;
    }

    public Task RemoveLeftoverAsync(string path, CancellationToken ct)
    {
        TempFiles.RequireTemp(path);
        File.Delete(Full(path));
        return Task.CompletedTask;
    }

    public async Task<IAsyncDisposable> AcquireRunLockAsync(string holder, CancellationToken ct)
    {
        Directory.CreateDirectory(_root);
        var lockPath = Path.Combine(_root, LockFile);
        var deadline = _time.GetUtcNow() + _options.LockWait;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                var stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var holderPath = Path.Combine(_root, HolderFile);
                await File.WriteAllTextAsync(holderPath, $"{holder} (pid {Environment.ProcessId} on {Environment.MachineName})", Encoding.UTF8, ct);
                return new RunLock(stream, holderPath);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new IOException($"Cannot create the run lock {lockPath}: {e.Message}. Check that the data folder is writable.", e);
            }
            catch (IOException) when (_time.GetUtcNow() < deadline)
            {
                await Task.Delay(LockPoll, _time, ct);
            }
            catch (IOException e)
            {
                throw new LakeLockedException(
                    $"The lake at {_root} is locked by another run: {CurrentHolder()}. Waited {_options.LockWait.TotalSeconds:0.#} s; "
                    + $"try again when it finishes ({e.Message}).");
            }
        }
    }

    private string CurrentHolder()
    {
        try
        {
            return File.ReadAllText(Path.Combine(_root, HolderFile));
        }
        catch (IOException)
        {
            return "holder unknown";
        }
    }

    private string Full(string path) => Path.Combine(_root, path.Replace('/', Path.DirectorySeparatorChar));

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The original error is the one worth reporting; a leftover temp file is reported by the next read.
        }
    }

    private sealed class RunLock(FileStream stream, string holderPath) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            File.Delete(holderPath);
            return stream.DisposeAsync();
        }
    }
}
