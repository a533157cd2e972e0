using System.Diagnostics;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Inference;

/// <summary>
/// One per silo: camera workers submit frames, one loop forms batches across cameras (round-robin,
/// up to <see cref="BatchingOptions.MaxBatchSize"/>, waiting at most
/// <see cref="BatchingOptions.MaxWaitMilliseconds"/> from the oldest frame's arrival) and runs the
/// detector on each batch. Each camera has a bounded queue that drops its oldest pending frame when
/// full (the dropped frame's task completes with <see cref="DetectionStatus.Dropped"/>).
/// <para>Frame ownership: the caller keeps the frame's memory valid until the returned task
/// completes (result, drop, cancellation or error); the batcher never touches it afterwards.</para>
/// </summary>
public sealed class InferenceBatcher : IAsyncDisposable
{
    private readonly IFaceBatchDetector _detector;
    private readonly BatchingOptions _options;
    private readonly InferenceMetrics _metrics;
    private readonly ILogger _logger;
    private readonly object _lock = new();
    private readonly Dictionary<string, Queue<PendingFrame>> _queues = new(StringComparer.Ordinal);
    private readonly List<Queue<PendingFrame>> _roundRobin = [];
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly PendingFrame[] _batch;
    private readonly BgrFrame[] _frames;
    private readonly DetectionResult?[] _results;
    private readonly FacesDetectedCallback _onFrame;
    private readonly Task _loop;
    private int _pending;
    private int _nextQueue;
    private int _batchCount;
    private long _batchesRun;

    /// <summary>Creates the batcher and starts its loop.</summary>
    public InferenceBatcher(IFaceBatchDetector detector, IOptions<BatchingOptions> options, InferenceMetrics metrics, ILogger<InferenceBatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(metrics);
        _detector = detector;
        _options = options.Value;
        _metrics = metrics;
        _logger = logger;
        _batch = new PendingFrame[_options.MaxBatchSize];
        _frames = new BgrFrame[_options.MaxBatchSize];
        _results = new DetectionResult?[_options.MaxBatchSize];
        _onFrame = OnFrame;
        metrics.ObserveQueueDepth(() => Volatile.Read(ref _pending));
        InferenceLog.Started(_logger, _options.MaxBatchSize, _options.MaxWaitMilliseconds, _options.QueueCapacityPerCamera);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Frames waiting across all cameras.</summary>
    public int PendingCount => Volatile.Read(ref _pending);

    /// <summary>Batches run so far.</summary>
    public long BatchesRun => Interlocked.Read(ref _batchesRun);

    /// <summary>
    /// Queues a frame for detection. Completes with the faces, or with
    /// <see cref="DetectionResult.Dropped"/> when a newer frame of the same camera pushed it out.
    /// </summary>
    /// <param name="cameraId">Camera the frame belongs to (its own queue).</param>
    /// <param name="frame">The frame; keep its memory valid until the task completes.</param>
    /// <param name="cancellationToken">Cancels the wait; a frame already in a running batch completes normally.</param>
    public ValueTask<DetectionResult> SubmitAsync(string cameraId, BgrFrame frame, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(cameraId);
        if (frame.IsEmpty) throw new ArgumentException("Empty frame.", nameof(frame));
        if (cancellationToken.IsCancellationRequested) return ValueTask.FromCanceled<DetectionResult>(cancellationToken);
        ObjectDisposedException.ThrowIf(_stopping.IsCancellationRequested, this);

        var item = new PendingFrame(cameraId, frame, Stopwatch.GetTimestamp());
        PendingFrame? dropped = null;
        lock (_lock)
        {
            if (!_queues.TryGetValue(cameraId, out var queue))
            {
                queue = new Queue<PendingFrame>(_options.QueueCapacityPerCamera + 1);
                _queues.Add(cameraId, queue);
                _roundRobin.Add(queue);
            }
            while (queue.Count >= _options.QueueCapacityPerCamera)
            {
                var oldest = queue.Dequeue();
                if (oldest.State != PendingState.Pending) continue; // cancelled: already counted out
                oldest.State = PendingState.Dropped;
                _pending--;
                dropped = oldest;
            }
            queue.Enqueue(item);
            _pending++;
        }
        if (dropped is not null)
        {
            dropped.Cancellation.Dispose();
            _metrics.RecordDropped(cameraId);
            InferenceLog.Dropped(_logger, cameraId);
            dropped.Completion.TrySetResult(DetectionResult.Dropped);
        }
        if (cancellationToken.CanBeCanceled)
            item.Cancellation = cancellationToken.Register(static s => ((InferenceBatcher)((object[])s!)[0]).Cancel((PendingFrame)((object[])s!)[1]), new object[] { this, item });
        _signal.Release();
        return new ValueTask<DetectionResult>(item.Completion.Task);
    }

    /// <summary>Forgets a camera's (empty) queue when its worker stops.</summary>
    public void RemoveCamera(string cameraId)
    {
        lock (_lock)
        {
            if (_queues.TryGetValue(cameraId, out var queue) && queue.Count == 0)
            {
                _queues.Remove(cameraId);
                _roundRobin.Remove(queue);
            }
        }
    }

    private void Cancel(PendingFrame item)
    {
        lock (_lock)
        {
            if (item.State != PendingState.Pending) return;
            item.State = PendingState.Cancelled;
            _pending--;
        }
        item.Completion.TrySetCanceled();
    }

    private async Task RunAsync()
    {
        var token = _stopping.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(token).ConfigureAwait(false);
                await WaitForBatchAsync(token).ConfigureAwait(false);
                if (TakeBatch() > 0) RunBatch();
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private async Task WaitForBatchAsync(CancellationToken token)
    {
        var maxWait = Stopwatch.Frequency * _options.MaxWaitMilliseconds / 1000;
        while (true)
        {
            long oldest;
            lock (_lock)
            {
                if (_pending == 0 || _pending >= _options.MaxBatchSize) return;
                oldest = OldestPendingTimestamp();
            }
            var remaining = oldest + maxWait - Stopwatch.GetTimestamp();
            if (remaining <= 0) return;
            var timeout = TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency);
            // Any new frame wakes us to re-check the batch size; a timeout means the wait is over.
            if (!await _signal.WaitAsync(timeout, token).ConfigureAwait(false)) return;
        }
    }

    private long OldestPendingTimestamp()
    {
        long oldest = long.MaxValue;
        foreach (var queue in _roundRobin)
            foreach (var item in queue)
                if (item.State == PendingState.Pending && item.EnqueuedTimestamp < oldest)
                    oldest = item.EnqueuedTimestamp;
        return oldest;
    }

    private int TakeBatch()
    {
        _batchCount = 0;
        lock (_lock)
        {
            int max = _options.MaxBatchSize;
            bool tookAny = true;
            while (_batchCount < max && _pending > 0 && tookAny)
            {
                tookAny = false;
                // One frame per camera per round: a busy camera cannot starve the others.
                for (int i = 0; i < _roundRobin.Count && _batchCount < max; i++)
                {
                    var queue = _roundRobin[(_nextQueue + i) % _roundRobin.Count];
                    while (queue.TryDequeue(out var item))
                    {
                        if (item.State != PendingState.Pending) continue;
                        item.State = PendingState.Taken;
                        _pending--;
                        _batch[_batchCount] = item;
                        _frames[_batchCount] = item.Frame;
                        _batchCount++;
                        tookAny = true;
                        break;
                    }
                }
            }
            if (_roundRobin.Count > 0) _nextQueue = (_nextQueue + 1) % _roundRobin.Count;
        }
        return _batchCount;
    }

    private void RunBatch()
    {
        int count = _batchCount;
        for (int i = 0; i < count; i++) _batch[i].Cancellation.Dispose();
        long start = Stopwatch.GetTimestamp();
        try
        {
            _detector.Detect(_frames.AsSpan(0, count), _onFrame);
            int faces = 0;
            for (int i = 0; i < count; i++)
            {
                var result = _results[i] ?? DetectionResult.Create([], count);
                faces += result.FaceCount;
                _results[i] = null;
                if (!_batch[i].Completion.TrySetResult(result)) result.Dispose();
            }
            _metrics.RecordBatch(count, faces, Stopwatch.GetElapsedTime(start).TotalSeconds);
            Interlocked.Increment(ref _batchesRun);
        }
        catch (Exception ex)
        {
            InferenceLog.BatchFailed(_logger, ex, count, CameraIds(count));
            for (int i = 0; i < count; i++)
            {
                _results[i]?.Dispose();
                _results[i] = null;
                _batch[i].Completion.TrySetException(ex);
            }
        }
        finally
        {
            Array.Clear(_batch, 0, count);
            Array.Clear(_frames, 0, count);
        }
    }

    private void OnFrame(int frameIndex, ReadOnlySpan<DetectedFace> faces)
    {
        if ((uint)frameIndex >= (uint)_batchCount) return;
        _results[frameIndex]?.Dispose();
        _results[frameIndex] = DetectionResult.Create(faces, _batchCount);
    }

    private string CameraIds(int count)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++) ids.Add(_batch[i].CameraId);
        return string.Join(",", ids);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested) return;
        _stopping.Cancel();
        try { await _loop.ConfigureAwait(false); }
        catch (OperationCanceledException) { }
        List<PendingFrame> left = [];
        lock (_lock)
        {
            foreach (var queue in _roundRobin)
                while (queue.TryDequeue(out var item))
                    if (item.State == PendingState.Pending) { item.State = PendingState.Cancelled; left.Add(item); }
            _pending = 0;
        }
        foreach (var item in left) item.Completion.TrySetCanceled();
        _signal.Dispose();
        _stopping.Dispose();
        InferenceLog.Stopped(_logger);
    }
}
