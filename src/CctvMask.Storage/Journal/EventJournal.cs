using System.Text.Json;
using System.Threading.Channels;
using CctvMask.Storage.WriteBehind;
using Microsoft.Extensions.Logging;

namespace CctvMask.Storage.Journal;

/// <summary>
/// The durable local journal in front of the write-behind store: every accepted event is appended
/// to a JSON-lines segment under <c>{DataDirectory}/journal</c> and fsynced (group commit: one
/// fsync per batch, at most one batch per <c>JournalFlushInterval</c>) <b>before</b> it is handed to
/// the in-memory queue. A segment is deleted once every event in it is in the database (or in a
/// spill / dead-letter file, which are fsynced too). Segments left by a crashed run are
/// <see cref="Recover">recovered</see> at start and replayed by the store; event ids make that
/// idempotent. Past <c>MaxJournalBytes</c> new events are not journaled (kept in memory only,
/// counted and logged): the bound protects the disk, the database outage is the alarm.
/// <para>Provisional events (open-minute deltas, violations whose evidence is being drawn) are journaled but not
/// delivered: the latest one per id keeps its segment alive until a newer provisional or the final event with that id
/// arrives.</para>
/// </summary>
internal sealed class EventJournal
{
    private const string SegmentPattern = "seg-*.jsonl";

    private readonly string _directory;
    private readonly JournalSettings _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Action<List<StorageEvent>, int> _onDurable;
    private readonly Channel<StorageEvent> _queue;
    private readonly Lock _gate = new();
    private readonly Dictionary<long, SegmentState> _segments = [];
    private readonly Dictionary<Guid, long> _provisional = [];
    private readonly List<StorageEvent> _batch = [];
    private readonly List<StorageEvent> _deliver = [];
    private FileStream? _current;
    private long _currentId;
    private long _bytes;
    private long _unjournaled;
    private bool _full;
    private Task _writer = Task.CompletedTask;

    public EventJournal(string directory, JournalSettings settings, ILogger logger, TimeProvider time, Action<List<StorageEvent>, int> onDurable)
    {
        _directory = directory;
        _settings = settings;
        _logger = logger;
        _time = time;
        _onDurable = onDurable;
        _queue = Channel.CreateBounded<StorageEvent>(new BoundedChannelOptions(settings.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Directory => _directory;

    /// <summary>Bytes in live segments of this run.</summary>
    public long Bytes { get { lock (_gate) return _bytes; } }

    /// <summary>Events kept in memory only (journal full, or a write failed).</summary>
    public long Unjournaled => Interlocked.Read(ref _unjournaled);

    /// <summary>Live segments of this run still holding events the database does not have.</summary>
    public int LiveSegments
    {
        get
        {
            lock (_gate) return _segments.Values.Count(s => s.Outstanding > 0);
        }
    }

    /// <summary>
    /// Segments a previous run left (oldest first), to replay; new segments of this run are numbered
    /// after them. Call once, before <see cref="Start"/>.
    /// </summary>
    public IReadOnlyList<string> Recover()
    {
        if (!System.IO.Directory.Exists(_directory)) return [];
        var files = System.IO.Directory.GetFiles(_directory, SegmentPattern);
        Array.Sort(files, StringComparer.Ordinal);
        foreach (var f in files)
        {
            var name = Path.GetFileNameWithoutExtension(f);
            if (long.TryParse(name.AsSpan(4), out var id) && id > _currentId) _currentId = id;
        }
        return files;
    }

    public void Start() => _writer = Task.Run(WriteLoopAsync);

    /// <summary>Non-blocking hand-off from a producer; false when the journal queue is full or completed.</summary>
    public bool TryAppend(StorageEvent e) => _queue.Writer.TryWrite(e);

    /// <summary>Counts an event the store accepted without the journal (its queue was full).</summary>
    public void CountBypassed() => Interlocked.Increment(ref _unjournaled);

    /// <summary>The event is in the database (or another fsynced file): its segment may go.</summary>
    public void Acknowledge(StorageEvent e)
    {
        if (e.Segment < 0) return;
        lock (_gate) Release(e.Segment);
        e.Segment = -1;
    }

    /// <summary>Stops accepting, writes and delivers what is queued, closes the current segment.</summary>
    public async Task CompleteAsync()
    {
        _queue.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
        lock (_gate) Rotate(); // closed: it goes as soon as its last event is acknowledged
    }

    /// <summary>Reads a segment; yields null for a line that cannot be parsed (torn by a crash).</summary>
    public static IEnumerable<StorageEvent?> Read(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0) continue;
            yield return StorageEvent.ParseLine(line);
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var started = _time.GetTimestamp();
            _batch.Clear();
            while (_batch.Count < _settings.MaxBatch && reader.TryRead(out var e)) _batch.Add(e);
            _deliver.Clear();
            lock (_gate) AppendBatch();
            try
            {
                _onDurable(_deliver, _batch.Count);
            }
            catch (Exception ex)
            {
                // The hand-off must not kill the writer: these events stay journaled and replay at the next start.
                JournalLog.WriteFailed(_logger, CurrentPath, _deliver.Count, ex);
            }
            // Group commit: leave the rest of the interval for more events to gather.
            var wait = _settings.FlushInterval - _time.GetElapsedTime(started);
            if (wait > TimeSpan.Zero && !reader.Completion.IsCompleted)
            {
                try
                {
                    await Task.Delay(wait, _time).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Not cancelled by anyone; kept for symmetry with TimeProvider fakes.
                }
            }
        }
    }

    /// <summary>Under the gate: writes the batch, fsyncs once, registers segments and provisionals.</summary>
    private void AppendBatch()
    {
        var written = 0;
        try
        {
            var stream = OpenCurrent();
            foreach (var e in _batch)
            {
                if (_bytes >= _settings.MaxBytes)
                {
                    if (!_full) JournalLog.Full(_logger, _bytes, _settings.MaxBytes);
                    _full = true;
                    break;
                }
                var before = stream.Position;
                StorageEvent.WriteLine(stream, e);
                _bytes += stream.Position - before;
                written++;
            }
            if (written > 0) stream.Flush(flushToDisk: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            JournalLog.WriteFailed(_logger, CurrentPath, _batch.Count - written, ex);
            written = 0; // not known to be on disk: treat the whole batch as unjournaled
        }
        if (_bytes < _settings.MaxBytes * 9 / 10) _full = false;

        var state = written > 0 ? SegmentOf(_currentId) : null;
        for (int i = 0; i < _batch.Count; i++)
        {
            var e = _batch[i];
            var durable = i < written;
            if (durable)
            {
                e.Segment = _currentId;
                state!.Outstanding++;
            }
            else
            {
                Interlocked.Increment(ref _unjournaled);
            }
            if (e.Provisional)
            {
                if (_provisional.Remove(e.Id, out var older)) Release(older);
                if (durable) _provisional[e.Id] = _currentId;
                continue; // never delivered: the final event (or a replay after a crash) writes it
            }
            if (_provisional.Remove(e.Id, out var superseded)) Release(superseded);
            _deliver.Add(e);
        }
        if (_current is not null && _current.Length >= _settings.SegmentBytes) Rotate();
    }

    private FileStream OpenCurrent()
    {
        if (_current is not null) return _current;
        System.IO.Directory.CreateDirectory(_directory);
        _currentId++;
        _current = new FileStream(CurrentPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 64 * 1024,
            FileOptions.None);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(CurrentPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        SegmentOf(_currentId);
        return _current;
    }

    private string CurrentPath => PathOf(_currentId);

    private string PathOf(long id) => Path.Combine(_directory, $"seg-{id:D12}.jsonl");

    private SegmentState SegmentOf(long id)
    {
        if (!_segments.TryGetValue(id, out var s)) _segments[id] = s = new SegmentState();
        return s;
    }

    private void Rotate()
    {
        _current?.Dispose();
        _current = null;
        var closed = _currentId;
        if (_segments.TryGetValue(closed, out var s))
        {
            s.Closed = true;
            if (s.Outstanding == 0) Delete(closed);
        }
    }

    private void Release(long id)
    {
        if (!_segments.TryGetValue(id, out var s)) return;
        s.Outstanding--;
        if (s.Outstanding > 0) return;
        if (s.Closed) Delete(id);
        else if (id == _currentId && _current is { } cur && cur.Length >= _settings.SegmentBytes / 4)
            Rotate(); // a drained, sizeable current segment: start a fresh one so this one can go
    }

    private void Delete(long id)
    {
        var path = PathOf(id);
        try
        {
            var length = File.Exists(path) ? new FileInfo(path).Length : 0;
            File.Delete(path);
            _bytes -= length;
            _segments.Remove(id);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            JournalLog.WriteFailed(_logger, path, 0, ex);
        }
    }

    private sealed class SegmentState
    {
        public int Outstanding;
        public bool Closed;
    }
}
