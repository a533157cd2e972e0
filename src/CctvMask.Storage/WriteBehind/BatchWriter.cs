using CctvMask.Storage.Compliance;
using CctvMask.Storage.Database;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Violations;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CctvMask.Storage.WriteBehind;

/// <summary>
/// Writes one batch of queued events (violations insert-if-absent, compliance deltas by event id)
/// with Polly retries, and tells an outage (database unreachable: keep the batch) from a batch the
/// reachable database rejects (write one by one, dead-letter the rejects). Single caller at a time.
/// </summary>
internal sealed class BatchWriter
{
    private readonly ViolationRepository _violations;
    private readonly ComplianceRepository _compliance;
    private readonly CctvDatabase _database;
    private readonly SpillFile _spill;
    private readonly StorageMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;
    private readonly List<ViolationRecord> _violationBatch = [];
    private readonly List<ComplianceDelta> _deltaBatch = [];
    private readonly List<StorageEvent> _single = new(1);
    private long _failures, _deadLettered;
    private bool _inOutage;

    public BatchWriter(
        StorageOptions options, ViolationRepository violations, ComplianceRepository compliance, CctvDatabase database,
        SpillFile spill, StorageMetrics metrics, ILogger logger, TimeProvider timeProvider)
    {
        _violations = violations;
        _compliance = compliance;
        _database = database;
        _spill = spill;
        _metrics = metrics;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
                OnRetry = args =>
                {
                    StorageLog.WriteRetry(_logger, args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public long Failures => Interlocked.Read(ref _failures);

    public long DeadLettered => Interlocked.Read(ref _deadLettered);

    /// <summary>
    /// True when the batch is settled: written, or (database reachable but rejecting it) written
    /// one by one with rejects dead-lettered. False during an outage; the caller keeps the batch.
    /// </summary>
    public async Task<bool> WriteOrSettleAsync(List<StorageEvent> batch, Func<long> backlog, int bound, CancellationToken cancellationToken)
    {
        try
        {
            await _retry.ExecuteAsync(
                static async (state, ct) => await state.Self.WriteOnceAsync(state.Batch, ct).ConfigureAwait(false),
                (Self: this, Batch: batch), cancellationToken).ConfigureAwait(false);
            if (_inOutage)
            {
                _inOutage = false;
                StorageLog.Recovered(_logger);
            }
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _failures);
            _metrics.Failures.Add(1);
            var reachable = await _database.CanConnectAsync(cancellationToken).ConfigureAwait(false);
            StorageLog.BatchFailed(_logger, batch.Count, reachable, ex);
            if (!reachable)
            {
                if (!_inOutage) StorageLog.Outage(_logger, backlog(), bound);
                _inOutage = true;
                return false;
            }
            await SettleOneByOneAsync(batch, cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    /// <summary>One attempt, no retry (shutdown path and single events).</summary>
    public async Task WriteOnceAsync(List<StorageEvent> batch, CancellationToken cancellationToken)
    {
        _violationBatch.Clear();
        _deltaBatch.Clear();
        foreach (var e in batch)
        {
            if (e.Violation is { } v) _violationBatch.Add(v);
            if (e.Compliance is { } d) _deltaBatch.Add(d);
        }
        if (_violationBatch.Count > 0)
            await _violations.InsertAsync(_violationBatch, cancellationToken).ConfigureAwait(false);
        if (_deltaBatch.Count > 0)
            await _compliance.ApplyAsync(_deltaBatch, cancellationToken).ConfigureAwait(false);
    }

    private async Task SettleOneByOneAsync(List<StorageEvent> batch, CancellationToken cancellationToken)
    {
        foreach (var e in batch)
        {
            _single.Clear();
            _single.Add(e);
            try
            {
                await WriteOnceAsync(_single, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                _spill.DeadLetter(e);
                Interlocked.Increment(ref _deadLettered);
                _metrics.DeadLettered.Add(1);
                StorageLog.DeadLettered(_logger, e.Violation?.CameraId ?? e.Compliance?.CameraId ?? "?", _spill.DeadLetterPath, ex);
            }
        }
    }
}
