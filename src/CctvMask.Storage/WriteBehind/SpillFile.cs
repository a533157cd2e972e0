using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace CctvMask.Storage.WriteBehind;

/// <summary>
/// The local append-only overflow of the write-behind store: JSON lines under
/// <c>{DataDirectory}/spill</c>. Producers hand events to a bounded queue (no I/O on their
/// thread); one task appends them to <c>current.jsonl</c>. Replay first rotates the current file
/// to <c>spill-{ticks}.jsonl</c> so it reads only closed files; a file is deleted after all its
/// events are in the database (a crash mid-replay replays it again, which ids make harmless).
/// </summary>
internal sealed class SpillFile
{
    private const string CurrentName = "current.jsonl";
    private const string ClosedPattern = "spill-*.jsonl";
    private const string DeadLetterName = "deadletter.jsonl";

    private readonly string _directory;
    private readonly Channel<StorageEvent> _queue;
    private readonly ILogger _logger;
    private readonly Action<IReadOnlyList<StorageEvent>> _onSpilled;
    private readonly Action<long> _onLost;
    private readonly Lock _gate = new();
    private FileStream? _current;
    private long _unwritten;
    private bool _mayHaveFiles = true; // a previous run may have left files
    private long _rotations;
    private Task _writer = Task.CompletedTask;

    public SpillFile(string directory, int capacity, ILogger logger, Action<IReadOnlyList<StorageEvent>> onSpilled, Action<long> onLost)
    {
        _directory = directory;
        _logger = logger;
        _onSpilled = onSpilled;
        _onLost = onLost;
        _queue = Channel.CreateBounded<StorageEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string CurrentPath => Path.Combine(_directory, CurrentName);

    public string DeadLetterPath => Path.Combine(_directory, DeadLetterName);

    /// <summary>True when anything is queued, being written, or on disk waiting for replay.</summary>
    public bool HasData
    {
        get
        {
            if (Interlocked.Read(ref _unwritten) > 0) return true;
            // Cheap answer on the hot path: nothing was appended since the disk was last seen empty.
            if (!Volatile.Read(ref _mayHaveFiles)) return false;
            lock (_gate)
            {
                var any = _current is { Length: > 0 }
                    || Directory.Exists(_directory)
                    && (File.Exists(CurrentPath) && new FileInfo(CurrentPath).Length > 0
                        || Directory.EnumerateFiles(_directory, ClosedPattern).Any());
                if (!any) Volatile.Write(ref _mayHaveFiles, false);
                return any;
            }
        }
    }

    public void Start() => _writer = Task.Run(WriteLoopAsync);

    /// <summary>Non-blocking hand-off from a producer; false when the queue is full.</summary>
    public bool TryEnqueue(StorageEvent e)
    {
        Interlocked.Increment(ref _unwritten);
        if (_queue.Writer.TryWrite(e)) return true;
        Interlocked.Decrement(ref _unwritten);
        return false;
    }

    /// <summary>Appends and fsyncs synchronously (the write loop, and the shutdown path).</summary>
    public void AppendNow(IReadOnlyList<StorageEvent> events)
    {
        lock (_gate)
        {
            Volatile.Write(ref _mayHaveFiles, true);
            var stream = OpenCurrent();
            foreach (var e in events) StorageEvent.WriteLine(stream, e);
            stream.Flush(flushToDisk: true); // on disk before the journal lets these events go
        }
        _onSpilled(events);
    }

    /// <summary>Keeps an event the database rejects, for a human to inspect.</summary>
    public void DeadLetter(StorageEvent e)
    {
        try
        {
            lock (_gate)
            {
                Directory.CreateDirectory(_directory);
                using var stream = new FileStream(DeadLetterPath, FileMode.Append, FileAccess.Write, FileShare.Read);
                StorageEvent.WriteLine(stream, e);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            StorageLog.SpillWriteFailed(_logger, DeadLetterPath, 1, ex);
        }
    }

    /// <summary>Closes the current file into the replay set; returns closed files, oldest first.</summary>
    public IReadOnlyList<string> RotateAndList()
    {
        lock (_gate)
        {
            if (!Directory.Exists(_directory)) return [];
            _current?.Dispose();
            _current = null;
            if (File.Exists(CurrentPath) && new FileInfo(CurrentPath).Length > 0)
            {
                var closed = Path.Combine(_directory, $"spill-{DateTime.UtcNow.Ticks:D19}-{++_rotations:D6}.jsonl");
                File.Move(CurrentPath, closed);
            }
            var files = Directory.GetFiles(_directory, ClosedPattern);
            Array.Sort(files, StringComparer.Ordinal);
            return files;
        }
    }

    /// <summary>Reads a closed file; yields null for a line that cannot be parsed (e.g. torn by a crash).</summary>
    public static async IAsyncEnumerable<StorageEvent?> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            if (line.Length == 0) continue;
            yield return StorageEvent.ParseLine(line);
        }
    }

    /// <summary>Stops accepting events and waits until everything queued is on disk.</summary>
    public async Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        lock (_gate)
        {
            _current?.Dispose();
            _current = null;
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<StorageEvent>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (reader.TryRead(out var e)) batch.Add(e);
            try
            {
                AppendNow(batch);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                StorageLog.SpillWriteFailed(_logger, CurrentPath, batch.Count, ex);
                _onLost(batch.Count);
            }
            Interlocked.Add(ref _unwritten, -batch.Count);
        }
    }

    private FileStream OpenCurrent()
    {
        if (_current is not null) return _current;
        Directory.CreateDirectory(_directory);
        _current = new FileStream(CurrentPath, FileMode.Append, FileAccess.Write, FileShare.Read);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(CurrentPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return _current;
    }
}
