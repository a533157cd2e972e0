namespace CctvMask.Grains.Cameras;

/// <summary>
/// A camera's live-view JPEG, made only while someone watches. Every request renews a viewer lease of
/// <see cref="CameraOptions.LiveViewLeaseSeconds"/>; while it runs, the pipeline encodes a frame every
/// <see cref="CameraOptions.LiveFrameIntervalMilliseconds"/>; when it lapses, the pipeline stops encoding (copying,
/// pixelating, drawing and JPEG-encoding a 640×360 frame every second was a large share of a static camera's cost).
/// A request that finds no fresh frame (the first one after idle) waits for the next one the pipeline makes — at the
/// camera's next frame, since the lease makes it due at once — up to <see cref="CameraOptions.LiveViewWaitMilliseconds"/>,
/// then answers with what there is. Thread-safe: requests come from HTTP and grain threads, frames from the loop's.
/// </summary>
internal sealed class LiveView
{
    private readonly Lock _gate = new();
    private readonly TimeSpan _lease;
    private readonly TimeSpan _fresh;
    private readonly TimeSpan _wait;
    private readonly bool _enabled;
    private DateTimeOffset _watchedUntil = DateTimeOffset.MinValue;
    private LiveFrame? _latest;
    private TaskCompletionSource<LiveFrame?>? _next;

    /// <param name="options">Lease, interval and wait.</param>
    /// <param name="enabled">False when the camera's privacy mode keeps no image: requests answer null at once.</param>
    public LiveView(CameraOptions options, bool enabled)
    {
        ArgumentNullException.ThrowIfNull(options);
        _enabled = enabled;
        _lease = TimeSpan.FromSeconds(options.LiveViewLeaseSeconds);
        // A watched camera publishes every interval (plus up to one frame period); twice the interval is still "now".
        _fresh = TimeSpan.FromMilliseconds(2 * options.LiveFrameIntervalMilliseconds);
        _wait = TimeSpan.FromMilliseconds(options.LiveViewWaitMilliseconds);
    }

    /// <summary>The last frame published (possibly old), or null.</summary>
    public LiveFrame? Latest => Volatile.Read(ref _latest);

    /// <summary>True while a viewer's lease runs: only then is a live frame worth encoding.</summary>
    public bool IsWatched(DateTimeOffset now)
    {
        if (!_enabled) return false;
        lock (_gate) return now < _watchedUntil;
    }

    /// <summary>The pipeline made a frame: it becomes the latest and answers every waiting request.</summary>
    public void Publish(LiveFrame frame)
    {
        TaskCompletionSource<LiveFrame?>? waiting;
        lock (_gate)
        {
            _latest = frame;
            waiting = _next;
            _next = null;
        }
        waiting?.TrySetResult(frame);
    }

    /// <summary>The camera stopped: waiting requests get what there is now.</summary>
    public void Close()
    {
        TaskCompletionSource<LiveFrame?>? waiting;
        lock (_gate)
        {
            waiting = _next;
            _next = null;
            _watchedUntil = DateTimeOffset.MinValue;
        }
        waiting?.TrySetResult(_latest);
    }

    /// <summary>
    /// A viewer asks: renews the lease and answers with a fresh frame — the latest if it is recent, else the next one
    /// published (at most the wait, then the latest, old or null).
    /// </summary>
    public async Task<LiveFrame?> RequestAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (!_enabled) return null;
        Task<LiveFrame?> next;
        lock (_gate)
        {
            var now = time.GetUtcNow();
            _watchedUntil = now + _lease;
            if (_latest is { } latest && now - latest.CapturedAt <= _fresh) return latest;
            next = (_next ??= new TaskCompletionSource<LiveFrame?>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
        try
        {
            return await next.WaitAsync(_wait, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // No frame came (a stalled camera, or an overloaded loop): the old frame beats none.
            return Latest;
        }
    }
}
