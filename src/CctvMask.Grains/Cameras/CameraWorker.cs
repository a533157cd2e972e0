using CctvMask.Grains.Inference;
using Microsoft.Extensions.Logging;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// The running side of one camera, off the grain scheduler: opens the frame source, attaches it to the
/// silo's <see cref="InferenceLoop"/> (which pulls its frames), ticks the pipeline so minutes close
/// without frames, and on stop detaches, flushes the open minute and closes the source. It does not
/// touch frames. Created by <see cref="CameraWorkerFactory"/>; started and stopped by <see cref="CameraGrain"/>.
/// </summary>
public sealed class CameraWorker : IAsyncDisposable
{
    private readonly ICameraFrameSourceFactory _sources;
    private readonly InferenceLoop _loop;
    private readonly CameraPipeline _pipeline;
    private readonly CameraOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private ICameraFrameSource? _source;
    private CameraFeed? _feed;
    private Task _run = Task.CompletedTask;
    private DateTimeOffset? _startedAt;
    private long _fpsFrames;
    private DateTimeOffset _fpsSince;
    private double _fps;
    private int _stopped;

    internal CameraWorker(CameraConfig config, ICameraFrameSourceFactory sources, InferenceLoop loop, CameraPipeline pipeline,
        CameraOptions options, TimeProvider time, ILogger logger)
    {
        Config = config;
        _sources = sources;
        _loop = loop;
        _pipeline = pipeline;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Camera id.</summary>
    public string CameraId => Config.CameraId;

    /// <summary>The configuration this worker runs.</summary>
    public CameraConfig Config { get; }

    /// <summary>Completes when the worker has stopped (faulted when it failed).</summary>
    public Task Completion => _run;

    /// <summary>True until stopped or failed.</summary>
    public bool IsRunning => _startedAt is not null && !_run.IsCompleted;

    /// <summary>
    /// The live view's annotated JPEG, fresh: renews the viewer lease (JPEGs are made only while someone watches) and,
    /// when nobody watched just before, waits for the next frame (bounded by <see cref="CameraOptions.LiveViewWaitMilliseconds"/>).
    /// Null when the camera made none (no frame yet, or a privacy mode without images).
    /// </summary>
    public Task<LiveFrame?> GetLiveFrameAsync(CancellationToken cancellationToken) =>
        _pipeline.LiveView.RequestAsync(_time, cancellationToken);

    /// <summary>Opens the source and attaches it to the loop, on the thread pool (never on the caller's scheduler).</summary>
    public void Start()
    {
        if (_startedAt is not null) throw new InvalidOperationException($"Camera {CameraId}: worker already started.");
        _startedAt = _fpsSince = _time.GetUtcNow();
        _run = Task.Run(RunAsync);
    }

    /// <summary>Stops: detaches from the loop, flushes counters and closes the source; waits at most the stop timeout.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) { await WaitQuietly(_run).ConfigureAwait(false); return; }
        _stop.Cancel();
        var finished = await Task.WhenAny(_run, Task.Delay(TimeSpan.FromSeconds(_options.StopTimeoutSeconds))).ConfigureAwait(false);
        if (finished != _run) CameraLog.StopTimedOut(_logger, CameraId, _options.StopTimeoutSeconds);
        else await WaitQuietly(_run).ConfigureAwait(false);
        CameraLog.Stopped(_logger, CameraId, _feed?.FramesAnalysed ?? 0, _pipeline.Violations);
    }

    /// <summary>A status snapshot (cheap; call about once per second).</summary>
    public CameraStatus GetStatus()
    {
        var now = _time.GetUtcNow();
        var health = _source?.Health ?? new FrameSourceHealth(CameraState.Starting, 0, 0, 0, null);
        var feed = _feed;
        UpdateFps(now, feed);
        var last = _pipeline.LastClosedBucket;
        // The ingest's state is the camera's state while the worker runs: no second set of timeouts.
        var state = _run.IsFaulted ? CameraState.Failed : !IsRunning ? CameraState.Stopped : health.State;
        return new CameraStatus
        {
            CameraId = CameraId,
            State = state,
            UpdatedAt = now,
            StartedAt = _startedAt,
            LastFrameAt = feed?.LastFrameAt,
            FramesReceived = health.FramesDecoded,
            FramesAnalyzed = feed?.FramesAnalysed ?? 0,
            FramesSkipped = feed?.FramesSkipped ?? 0,
            FramesDropped = health.FramesDropped + (feed?.FramesFailed ?? 0),
            FacesDetected = _pipeline.FacesDetected,
            FacesJudged = _pipeline.FacesJudged,
            PeopleInView = _pipeline.PeopleInView,
            PeopleThisMinute = _pipeline.PeopleThisMinute,
            OpenMinute = _pipeline.OpenMinute(),
            LastMinutePeople = last?.People,
            LastMinuteCompliance = last?.Compliance,
            LastMinuteIncorrect = last?.Incorrect,
            Violations = _pipeline.Violations,
            AnalysisFps = _fps,
            IngestRestarts = health.Restarts,
            LastError = _run.Exception?.GetBaseException().Message ?? health.LastError ?? feed?.LastError,
        };
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        try
        {
            _source = _sources.Open(Config);
            _feed = _loop.Attach(Config, _source, _pipeline);
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(_options.StatusIntervalMilliseconds), _time);
            var ended = _source.Frames.Completion;
            // A finite source ends when its last frame was taken; otherwise run until stopped.
            while (!ended.IsCompleted && await timer.WaitForNextTickAsync(token).ConfigureAwait(false))
                _pipeline.Tick(_time.GetUtcNow());
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        finally
        {
            if (_feed is not null) await _loop.DetachAsync(_feed).ConfigureAwait(false);
            _pipeline.Finish();
            if (_source is not null) await _source.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void UpdateFps(DateTimeOffset now, CameraFeed? feed)
    {
        var elapsed = now - _fpsSince;
        if (elapsed < TimeSpan.FromSeconds(1) || feed is null) return;
        long processed = feed.FramesAnalysed + feed.FramesSkipped;
        _fps = (processed - Interlocked.Exchange(ref _fpsFrames, processed)) / elapsed.TotalSeconds;
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
}
