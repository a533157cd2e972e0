using System.Diagnostics.Metrics;
using System.Threading.Channels;
using CctvMask.Storage.Compliance;
using CctvMask.Storage.Database;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Journal;
using CctvMask.Storage.Violations;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvMask.Storage.WriteBehind;

/// <summary>
/// Write-behind store: producers call <see cref="TryEnqueue"/> / <see cref="Enqueue"/> (never
/// block, never wait on the database); this hosted service writes batches of up to
/// <see cref="StorageOptions.BatchSize"/> with Polly retries (exponential backoff, jitter).
/// <code>
/// bool TryEnqueue(ViolationRecord v)      // IStorageWriter
/// bool Enqueue(ComplianceDelta d)         // IStorageWriter
/// WriteBehindStats Stats { get; }
/// Task FlushAsync(CancellationToken ct)   // waits until memory and spill files are in the database
/// </code>
/// During an outage the failed batch and newer events stay in memory up to
/// <see cref="StorageOptions.MaxBufferedEvents"/>; past that they are appended to a local spill file
/// (<see cref="SpillFile"/>) and replayed once the database is back. Violation ids and compliance
/// event ids make every write idempotent, so retries and replays never duplicate. When the
/// database is reachable but rejects a batch, events are retried one by one and the rejected
/// ones go to <c>deadletter.jsonl</c>. At shutdown whatever cannot be written is spilled.
/// </summary>
public sealed partial class WriteBehindStore : BackgroundService, IStorageWriter
{
    private static readonly TimeSpan FlushPollInterval = TimeSpan.FromMilliseconds(20);

    private readonly StorageOptions _options;
    private readonly StorageMetrics _metrics;
    private readonly ILogger<WriteBehindStore> _logger;
    private readonly TimeProvider _time;
    private readonly Channel<StorageEvent> _queue;
    private readonly SpillFile _spill;
    private readonly BatchWriter _writer;
    private readonly EventJournal _journal;
    private IReadOnlyList<string> _recovered;
    private long _journalInFlight;
    private readonly List<StorageEvent> _batch = [];
    private long _backlog, _written, _spilled, _replayed, _dropped, _badLines;
    private int _spilling;

    /// <summary>Creates the store; it starts writing when the host starts it.</summary>
    public WriteBehindStore(
        IOptions<StorageOptions> options,
        ViolationRepository violations,
        ComplianceRepository compliance,
        CctvDatabase database,
        StorageMetrics metrics,
        ILogger<WriteBehindStore> logger,
        TimeProvider timeProvider)
    {
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        _time = timeProvider;
        _queue = Channel.CreateBounded<StorageEvent>(new BoundedChannelOptions(_options.MaxBufferedEvents)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _spill = new SpillFile(_options.SpillDirectory, _options.SpillQueueCapacity, logger, OnSpilled, OnSpillLost);
        _journal = new EventJournal(_options.JournalDirectory, JournalSettings.From(_options), logger, timeProvider, OnJournaled);
        _recovered = _journal.Recover();
        _writer = new BatchWriter(_options, violations, compliance, database, _spill, metrics, logger, timeProvider);
        _metrics.Meter.CreateObservableGauge("cctvmask.storage.backlog", () => Interlocked.Read(ref _backlog),
            "{event}", "Events held in memory waiting for the database.");
        _metrics.Meter.CreateObservableGauge("cctvmask.storage.journal.size", () => _journal.Bytes,
            "By", "Bytes of this run's journal segments on disk.");
        _metrics.Meter.CreateObservableCounter("cctvmask.storage.journal.unjournaled", () => _journal.Unjournaled,
            "{event}", "Events kept in memory only: journal full, journal queue full, or a write failed.");
    }

    /// <summary>Counters since start.</summary>
    public WriteBehindStats Stats => new(
        Interlocked.Read(ref _backlog), Interlocked.Read(ref _written), Interlocked.Read(ref _spilled),
        Interlocked.Read(ref _replayed), _writer.Failures + Interlocked.Read(ref _badLines), Interlocked.Read(ref _dropped),
        _writer.DeadLettered);

    /// <summary>Events accepted and not yet fsynced into the journal.</summary>
    internal long JournalPending => Interlocked.Read(ref _journalInFlight);

    /// <summary>Journal segments of this run still holding events the database does not have.</summary>
    internal int JournalSegments => _journal.LiveSegments;

    /// <inheritdoc />
    public bool TryEnqueue(ViolationRecord violation)
    {
        ViolationRepository.Validate(violation);
        return Hand(new StorageEvent(violation, null), violation.CameraId);
    }

    /// <inheritdoc />
    public bool Enqueue(ComplianceDelta delta)
    {
        ComplianceRepository.Validate(delta);
        return Hand(new StorageEvent(null, delta), delta.CameraId);
    }

    /// <inheritdoc />
    public bool EnqueueProvisional(ComplianceDelta delta)
    {
        ComplianceRepository.Validate(delta);
        return JournalOnly(new StorageEvent(null, delta, Provisional: true));
    }

    /// <inheritdoc />
    public bool EnqueueProvisional(ViolationRecord violation)
    {
        ViolationRepository.Validate(violation);
        return JournalOnly(new StorageEvent(violation, null, Provisional: true));
    }

    private bool JournalOnly(StorageEvent provisional)
    {
        Interlocked.Increment(ref _journalInFlight);
        if (_journal.TryAppend(provisional)) return true;
        Interlocked.Decrement(ref _journalInFlight);
        return false;
    }

    /// <summary>
    /// Waits until every accepted event (memory and spill files) is in the database. For tests
    /// and orderly hand-over; cancel it to stop waiting (e.g. while the database is down).
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (Interlocked.Read(ref _journalInFlight) > 0 || Interlocked.Read(ref _backlog) > 0 || _spill.HasData || Volatile.Read(ref _recovered).Count > 0)
            await Task.Delay(FlushPollInterval, _time, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Before ExecuteAsync (which .NET runs on the thread pool, maybe after a quick StopAsync):
        // whatever is accepted from now on reaches the journal and the spill file.
        _spill.Start();
        _journal.Start();
        return base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_recovered.Count > 0) JournalLog.Recovering(_logger, _recovered.Count, _journal.Directory);
        var nextReplay = DateTimeOffset.MinValue;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                if (_batch.Count == 0)
                {
                    if (_queue.Reader.Count < _options.BatchSize && _time.GetUtcNow() >= nextReplay && (_recovered.Count > 0 || _spill.HasData))
                    {
                        nextReplay = await RunReplayAsync(stoppingToken).ConfigureAwait(false);
                    }
                    while (_batch.Count < _options.BatchSize && _queue.Reader.TryRead(out var e))
                        _batch.Add(e);
                    if (_batch.Count == 0)
                    {
                        await WaitForEventsAsync(stoppingToken).ConfigureAwait(false);
                        continue;
                    }
                }

                var count = _batch.Count;
                if (await WriteOrSettleAsync(_batch, stoppingToken).ConfigureAwait(false))
                {
                    Interlocked.Add(ref _backlog, -count);
                    Interlocked.Add(ref _written, count);
                    _metrics.Written.Add(count);
                    foreach (var e in _batch) _journal.Acknowledge(e);
                    _batch.Clear();
                    continue;
                }
                // Outage: keep the batch, let new events fill memory (then the spill file), try again later.
                await Task.Delay(_options.OutageRetryDelay, _time, stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown; StopAsync writes or spills what is left.
        }
    }

    private async Task<DateTimeOffset> RunReplayAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (_recovered.Count > 0)
            {
                if (!await JournalRecovery.ReplayAsync(_recovered, ReplayChunkAsync, _options.BatchSize, _logger, stoppingToken).ConfigureAwait(false))
                    return _time.GetUtcNow() + _options.OutageRetryDelay;
                Volatile.Write(ref _recovered, []);
            }
            if (await ReplaySpillAsync(stoppingToken).ConfigureAwait(false))
                return DateTimeOffset.MinValue;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A spill file we cannot read or delete must not stop the writer; try again later.
            StorageLog.SpillWriteFailed(_logger, _spill.CurrentPath, 0, ex);
        }
        return _time.GetUtcNow() + _options.OutageRetryDelay;
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await _journal.CompleteAsync().ConfigureAwait(false); // journaled events reach memory (or the spill)
        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var e)) _batch.Add(e);
        if (_batch.Count > 0)
        {
            var count = _batch.Count;
            Exception? error = null;
            try
            {
                await _writer.WriteOnceAsync(_batch, cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _written, count);
                _metrics.Written.Add(count);
                foreach (var e in _batch) _journal.Acknowledge(e);
            }
            catch (Exception ex)
            {
                error = ex;
            }
            if (error is not null)
            {
                StorageLog.SpilledAtShutdown(_logger, count, _spill.CurrentPath, error);
                _spill.AppendNow(_batch);
            }
            Interlocked.Add(ref _backlog, -count);
            _batch.Clear();
        }
        await _spill.CompleteAsync().ConfigureAwait(false);
    }

    /// <summary>Producer side: to the journal (durable within JournalFlushInterval), which then hands it to <see cref="Accept"/>.</summary>
    private bool Hand(StorageEvent e, string cameraId)
    {
        Interlocked.Increment(ref _journalInFlight);
        if (_journal.TryAppend(e)) return true;
        Interlocked.Decrement(ref _journalInFlight);
        if (_queue.Reader.Completion.IsCompleted) return false; // shutting down
        JournalLog.QueueFull(_logger, cameraId);
        _journal.CountBypassed();
        return Accept(e, cameraId);
    }

    /// <summary>Journal writer thread, after the fsync: the batch goes to memory (or the spill file).</summary>
    private void OnJournaled(List<StorageEvent> batch, int processed)
    {
        foreach (var e in batch) Accept(e, e.Violation?.CameraId ?? e.Compliance!.CameraId);
        Interlocked.Add(ref _journalInFlight, -processed);
    }

    private bool Accept(StorageEvent e, string cameraId)
    {
        if (_queue.Writer.TryWrite(e))
        {
            Interlocked.Increment(ref _backlog);
            return true;
        }
        if (_spill.TryEnqueue(e))
        {
            if (Interlocked.Exchange(ref _spilling, 1) == 0)
                StorageLog.SpillStarted(_logger, _spill.CurrentPath);
            return true;
        }
        Interlocked.Increment(ref _dropped);
        _metrics.Dropped.Add(1);
        StorageLog.Dropped(_logger, cameraId);
        return false;
    }

    private Task<bool> WriteOrSettleAsync(List<StorageEvent> batch, CancellationToken cancellationToken) =>
        _writer.WriteOrSettleAsync(batch, () => Interlocked.Read(ref _backlog), _options.MaxBufferedEvents, cancellationToken);

    private async Task WaitForEventsAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(_options.ReplayCheckInterval);
        try
        {
            await _queue.Reader.WaitToReadAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Idle tick: time to look at the spill files again.
        }
    }
}
