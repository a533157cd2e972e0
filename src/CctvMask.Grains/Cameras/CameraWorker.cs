using System.Threading.Channels;
using CctvMask.Grains.Inference;
using CctvMask.Video.Frames;
using CctvMask.Vision.Imaging;
using Microsoft.Extensions.Logging;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// The frame loop of one camera, off the grain scheduler (thread pool): ingest → batcher →
/// <see cref="CameraPipeline"/>. Two loops joined by a small in-flight queue let the next frames
/// be submitted while earlier ones are still in the detector, so the batcher's per-camera
/// drop-oldest queue, not this worker, decides what is skipped when the model falls behind.
/// Created by <see cref="CameraWorkerFactory"/>; started and stopped by <see cref="CameraGrain"/>.
/// </summary>
public sealed class CameraWorker : IAsyncDisposable
{
    private readonly ICameraFrameSourceFactory _sources;
    private readonly InferenceBatcher _batcher;
    private readonly InferenceMetrics _metrics;
    private readonly CameraPipeline _pipeline;
    private readonly CameraOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<InFlight> _inFlight;
    private ICameraFrameSource? _source;
    private Task _run = Task.CompletedTask;
    private DateTimeOffset? _startedAt;
    private DateTimeOffset? _lastFrameAt;
    private string? _lastError;
    private long _received;
    private long _analyzed;
    private long _dropped;
    private long _fpsFrames;
    private DateTimeOffset _fpsSince;
    private double _fps;
    private int _stopped;

    internal CameraWorker(CameraConfig config, ICameraFrameSourceFactory sources, InferenceBatcher batcher, InferenceMetrics metrics,
        CameraPipeline pipeline, CameraOptions options, int inFlightCapacity, TimeProvider time, ILogger logger)
    {
        Config = config;
        _sources = sources;
        _batcher = batcher;
        _metrics = metrics;
        _pipeline = pipeline;
        _options = options;
        _time = time;
        _logger = logger;
        _inFlight = Channel.CreateBounded<InFlight>(new BoundedChannelOptions(inFlightCapacity)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Camera id.</summary>
    public string CameraId => Config.CameraId;

    /// <summary>The configuration this worker runs.</summary>
    public CameraConfig Config { get; }

    /// <summary>Completes when the worker has stopped (faulted when it failed).</summary>
    public Task Completion => _run;

    /// <summary>True until stopped or failed.</summary>
    public bool IsRunning => _startedAt is not null && !_run.IsCompleted;

    /// <summary>The latest annotated JPEG (about once per second), or null.</summary>
    public LiveFrame? LatestFrame => _pipeline.LatestFrame;

    /// <summary>Opens the source and starts the loops on the thread pool (never on the caller's scheduler).</summary>
    public void Start()
    {
        if (_startedAt is not null) throw new InvalidOperationException($"Camera {CameraId}: worker already started.");
        _startedAt = _fpsSince = _time.GetUtcNow();
        _run = Task.Run(RunAsync);
    }

    /// <summary>Stops the loops, flushes counters and closes the source; waits at most the stop timeout.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) { await WaitQuietly(_run).ConfigureAwait(false); return; }
        _stop.Cancel();
        var finished = await Task.WhenAny(_run, Task.Delay(TimeSpan.FromSeconds(_options.StopTimeoutSeconds))).ConfigureAwait(false);
        if (finished != _run) CameraLog.StopTimedOut(_logger, CameraId, _options.StopTimeoutSeconds);
        else await WaitQuietly(_run).ConfigureAwait(false);
        CameraLog.Stopped(_logger, CameraId, Interlocked.Read(ref _analyzed), _pipeline.Violations);
    }

    /// <summary>A status snapshot (cheap; call about once per second).</summary>
    public CameraStatus GetStatus()
    {
        var now = _time.GetUtcNow();
        var health = _source?.Health ?? default;
        UpdateFps(now);
        var last = _pipeline.LastClosedBucket;
        var state = _run.IsFaulted ? CameraState.Failed
            : !IsRunning ? CameraState.Stopped
            : _lastFrameAt is null ? (health.Restarts > 0 ? CameraState.Reconnecting : CameraState.Starting)
            : health.Connected || now - _lastFrameAt < TimeSpan.FromSeconds(5) ? CameraState.Running
            : CameraState.Reconnecting;
        return new CameraStatus
        {
            CameraId = CameraId,
            State = state,
            UpdatedAt = now,
            StartedAt = _startedAt,
            LastFrameAt = _lastFrameAt,
            FramesReceived = Interlocked.Read(ref _received),
            FramesAnalyzed = Interlocked.Read(ref _analyzed),
            FramesDropped = Interlocked.Read(ref _dropped) + health.FramesDropped,
            FacesDetected = _pipeline.FacesDetected,
            PeopleInView = _pipeline.PeopleInView,
            PeopleThisMinute = _pipeline.PeopleThisMinute,
            LastMinutePeople = last?.People,
            LastMinuteCompliance = last?.Compliance,
            Violations = _pipeline.Violations,
            AnalysisFps = _fps,
            IngestRestarts = health.Restarts,
            LastError = _run.Exception?.GetBaseException().Message ?? _lastError ?? health.LastError,
        };
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        try
        {
            _source = _sources.Open(Config);
            var consume = ConsumeAsync();
            var tick = TickAsync(token);
            try
            {
                await ProduceAsync(_source, token).ConfigureAwait(false);
            }
            finally
            {
                _inFlight.Writer.TryComplete();
                await consume.ConfigureAwait(false);
                _stop.Cancel();
                await WaitQuietly(tick).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        finally
        {
            _pipeline.Finish();
            if (_source is not null) await _source.DisposeAsync().ConfigureAwait(false);
            _batcher.RemoveCamera(CameraId);
            _pipeline.Dispose();
        }
    }

    private async Task ProduceAsync(ICameraFrameSource source, CancellationToken token)
    {
        await foreach (var frame in source.Frames.ReadAllAsync(token).ConfigureAwait(false))
        {
            Interlocked.Increment(ref _received);
            Task<DetectionResult> detection;
            try
            {
                var view = new BgrFrame(frame.Data, frame.Width, frame.Height, frame.Stride);
                detection = _batcher.SubmitAsync(CameraId, view, token).AsTask();
            }
            catch
            {
                frame.Dispose();
                throw;
            }
            if (!_inFlight.Writer.TryWrite(new InFlight(frame, detection)))
            {
                try
                {
                    await _inFlight.Writer.WriteAsync(new InFlight(frame, detection), token).ConfigureAwait(false);
                }
                catch
                {
                    // The batcher may still be reading the frame: release it only once its task is done.
                    await WaitQuietly(detection).ConfigureAwait(false);
                    if (detection.IsCompletedSuccessfully) detection.Result.Dispose();
                    frame.Dispose();
                    throw;
                }
            }
        }
    }

    private async Task ConsumeAsync()
    {
        // No token: drain everything so every frame is released; cancelled submissions finish fast.
        await foreach (var item in _inFlight.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            using var frame = item.Frame;
            DetectionResult result;
            try
            {
                result = await item.Detection.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                continue;
            }
            catch (Exception ex)
            {
                _lastError = ex.GetBaseException().Message;
                CameraLog.InferenceFailed(_logger, CameraId, ex);
                continue;
            }
            using (result)
            {
                if (result.Status == DetectionStatus.Dropped)
                {
                    Interlocked.Increment(ref _dropped);
                    continue;
                }
                var now = _time.GetUtcNow();
                var view = new BgrFrame(frame.Data, frame.Width, frame.Height, frame.Stride);
                try
                {
                    _pipeline.Process(view, result.Faces, now);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // One bad frame must not stop the camera (nor leave the producer blocked).
                    _lastError = ex.GetBaseException().Message;
                    CameraLog.WorkerFailed(_logger, CameraId, ex);
                    continue;
                }
                _lastFrameAt = now;
                Interlocked.Increment(ref _analyzed);
                Interlocked.Increment(ref _fpsFrames);
                _metrics.RecordPipelineLatency(now - frame.ReceivedAt, CameraId);
            }
        }
    }

    private async Task TickAsync(CancellationToken token)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(_options.StatusIntervalMilliseconds), _time);
        while (await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
            _pipeline.Tick(_time.GetUtcNow());
    }

    private void UpdateFps(DateTimeOffset now)
    {
        var elapsed = now - _fpsSince;
        if (elapsed < TimeSpan.FromSeconds(1)) return;
        _fps = Interlocked.Exchange(ref _fpsFrames, 0) / elapsed.TotalSeconds;
        _fpsSince = now;
    }

    private static async Task WaitQuietly(Task task)
    {
        try { await task.ConfigureAwait(false); }
        catch { /* the outcome is reported through Completion / status */ }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
    }

    private readonly record struct InFlight(PooledFrame Frame, Task<DetectionResult> Detection);
}
