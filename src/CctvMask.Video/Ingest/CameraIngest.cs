using System.Globalization;
using System.Threading.Channels;
using CctvMask.Video.Frames;
using CctvMask.Video.Security;
using CctvMask.Video.Sources;
using CctvMask.Video.Watchdog;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;

namespace CctvMask.Video.Ingest;

/// <summary>
/// Supervised ingest of ONE camera: runs ffmpeg (see <see cref="Ffmpeg.FfmpegFrameSource"/>), hands frames to a
/// one-slot channel (newest frame wins), restarts ffmpeg when the watchdog says so (stall, exit, no first
/// frame), reconnects with jittered exponential backoff forever, and reports an <see cref="IngestStatus"/>.
/// <code>
/// var source = new CameraSource("cam-1", "rtsp://user:pw@10.0.0.5/stream") { DetectFps = 5, AnalysisSize = AnalysisSize.FromWidth(640) };
/// await using var ingest = new CameraIngest(source, ingestOptions, logger, TimeProvider.System, metrics /* optional IngestMetrics */);
/// ingest.Start();
/// await foreach (var frame in ingest.Frames.ReadAllAsync(ct))
///     using (frame) { detector.DetectOne(frame.AsBgrFrame()); }   // always dispose: returns the pooled buffer
/// IngestStatus status = ingest.Status;  // poll (e.g. 1/s) or subscribe to StateChanged (raised on the pump thread: keep it short)
/// await ingest.StopAsync();            // kills ffmpeg, completes Frames; DisposeAsync does the same and is idempotent
/// </code>
/// A slow consumer never blocks ffmpeg: the oldest buffered frame is dropped (and counted) instead.
/// A finite source (file with <see cref="FilePlayback.Once"/>) ends with state Stopped, reason "end of stream".
/// </summary>
public sealed partial class CameraIngest : IAsyncDisposable, IDisposable
{
    private readonly CameraSource _source;
    private readonly IngestOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly WatchdogPolicy _policy;
    private readonly Channel<PooledFrame> _channel;
    private readonly ResiliencePipeline _reconnect;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private readonly FpsMeter _fps;
    private readonly List<DateTimeOffset> _restartTimes = [];
    private readonly Ffmpeg.FfmpegStderrLog _stderr;
    private readonly IngestMetrics? _metrics;

    // Guarded by _gate.
    private CameraState _state = CameraState.Stopped;
    private string? _reason = "not started";
    private DateTimeOffset _stateSince;
    private long _framesIn;
    private int _restarts;
    private DateTimeOffset? _lastFrameAt;
    private DateTimeOffset? _sessionLastFrameAt;
    private DateTimeOffset? _nextAttemptAt;
    private FrameSize? _frameSize;
    private FrameBufferPool? _pool;

    private long _framesDropped;
    private long _sequence;
    private Task? _loop;
    private int _started;
    private int _disposed;

    public CameraIngest(CameraSource source, IngestOptions options, ILogger? logger = null, TimeProvider? timeProvider = null,
        IngestMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        source.Validate();
        IngestOptionsValidator.ThrowIfInvalid(options);
        _source = source;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _metrics = metrics;
        _metrics?.CameraStarted(source.CameraId);
        _policy = new WatchdogPolicy(options);
        _fps = new FpsMeter(options.FpsWindow);
        _stderr = new Ffmpeg.FfmpegStderrLog(source.CameraId, options.StderrTailLines, options.StderrLinesPerMinute, _logger, _time);
        _stateSince = _time.GetUtcNow();
        _channel = Channel.CreateBounded<PooledFrame>(
            // One slot: the newest frame wins. The frame it replaces is disposed and counted here, the
            // only place a frame is dropped between ffmpeg and the inference loop.
            new BoundedChannelOptions(1)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleWriter = true,
                SingleReader = false,
                AllowSynchronousContinuations = false,
            },
            OnFrameDropped);
        _reconnect = ReconnectPipeline.Create(options, OnReconnectScheduled, timeProvider);
    }

    public string CameraId => _source.CameraId;

    public CameraSource Source => _source;

    /// <summary>
    /// The newest frame for the consumer (one slot: a frame not taken before the next arrives is dropped
    /// and counted). Each read frame must be disposed. Completes when ingest stops or a finite file ends.
    /// </summary>
    public ChannelReader<PooledFrame> Frames => _channel.Reader;

    /// <summary>Raised on the ffmpeg reader thread after each frame is offered (keep it short: a signal).</summary>
    public event Action? FrameArrived;

    /// <summary>Raised (off the frame path, outside locks) whenever <see cref="CameraState"/> changes.</summary>
    public event Action<IngestStatus>? StateChanged;

    /// <summary>Completes when the supervisor loop has ended (stopped, finished, or failed).</summary>
    public Task Completion => _loop ?? Task.CompletedTask;

    /// <summary>A consistent snapshot of the current status.</summary>
    public IngestStatus Status
    {
        get
        {
            var now = _time.GetUtcNow();
            lock (_gate)
            {
                return new IngestStatus(CameraId, _source.ScrubbedUrl, _state, _reason, _stateSince, _framesIn,
                    Interlocked.Read(ref _framesDropped), _restarts, _lastFrameAt, _fps.Rate(now), _frameSize,
                    _pool?.Outstanding ?? 0, _state == CameraState.Backoff ? _nextAttemptAt : null);
            }
        }
    }

    /// <summary>Starts the supervisor loop (idempotent).</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Interlocked.Exchange(ref _started, 1) != 0) return;
        var token = _stop.Token;
        _loop = Task.Run(() => RunAsync(token), CancellationToken.None);
    }

    /// <summary>Stops: cancels the loop, kills ffmpeg (process tree) and waits for it, completes <see cref="Frames"/>, returns unread buffers.</summary>
    public async Task StopAsync()
    {
        try { await _stop.CancelAsync().ConfigureAwait(false); }
        catch (ObjectDisposedException) { /* already disposed */ }
        if (_loop is { } loop)
            await loop.ConfigureAwait(false); // RunAsync never throws; its kills and waits are bounded
        else
            SetState(CameraState.Stopped, "stopped before start");
        _channel.Writer.TryComplete();
        while (_channel.Reader.TryRead(out var frame)) frame.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await StopAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task RunAsync(CancellationToken stop)
    {
        IngestLog.Starting(_logger, CameraId, _source.ScrubbedUrl,
            _source.DetectFps?.ToString(CultureInfo.InvariantCulture) ?? "native", _source.AnalysisSize.ToString());
        try
        {
            var finished = false;
            while (!finished)
            {
                stop.ThrowIfCancellationRequested();
                // One execution = one failure streak; a session that streamed returns false so the
                // next streak starts with a fresh (short) backoff.
                finished = await _reconnect.ExecuteAsync(static (self, ct) => self.RunSessionAsync(ct), this, stop)
                    .ConfigureAwait(false);
            }
            SetState(CameraState.Stopped, "end of stream");
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            SetState(CameraState.Stopped, "stopped");
        }
        catch (Exception e)
        {
            var reason = UrlScrubber.Scrub(e.Message);
            IngestLog.Failed(_logger, CameraId, reason, e);
            SetState(CameraState.Error, reason);
        }
        finally
        {
            _channel.Writer.TryComplete();
            var s = Status;
            IngestLog.Stopped(_logger, CameraId, s.FramesIn, s.FramesDropped, s.Restarts);
        }
    }

    private void OnFrameDropped(PooledFrame frame)
    {
        frame.Dispose();
        Interlocked.Increment(ref _framesDropped);
        _metrics?.FrameDropped(CameraId);
    }

    private void OnReconnectScheduled(int attempt, TimeSpan delay, Exception? error)
    {
        var reason = UrlScrubber.Scrub(error?.Message ?? "unknown failure");
        IngestLog.Backoff(_logger, CameraId, attempt, delay, reason);
        SetState(CameraState.Backoff, reason, _time.GetUtcNow() + delay);
    }

    private void SetState(CameraState state, string? reason, DateTimeOffset? nextAttemptAt = null)
    {
        lock (_gate)
        {
            if (_state == state && _reason == reason && _nextAttemptAt == nextAttemptAt) return;
            _state = state;
            _reason = reason is null ? null : UrlScrubber.Scrub(reason);
            _stateSince = _time.GetUtcNow();
            _nextAttemptAt = nextAttemptAt;
        }
        RaiseStateChanged();
    }

    private void RaiseStateChanged()
    {
        var handler = StateChanged;
        if (handler is null) return;
        try { handler(Status); }
        catch (Exception e) { IngestLog.HandlerFailed(_logger, CameraId, e); }
    }
}
