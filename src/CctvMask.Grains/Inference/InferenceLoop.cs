using CctvMask.Grains.Cameras;
using CctvMask.Video.Frames;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Inference;

/// <summary>
/// The one inference loop of a silo. Each round it PULLS the newest frame of every attached camera
/// (round-robin, at most <see cref="InferenceLoopOptions.MaxBatchSize"/>), lets the motion gate skip
/// cameras where nothing moved, runs phase 1 once over the batch, hands each camera's faces to its
/// pipeline (zones, tracker), crops only the faces the trackers ask for (at most
/// <see cref="InferenceLoopOptions.MaxCropsPerFrame"/> a frame; a skipped frame still serves tracks never judged),
/// runs phase 2 once over those crops, and hands each camera its frame with ownership. Frames move one way: ingest → loop → pipeline;
/// the loop disposes a frame only when a step fails before the hand-over. Uploaded images
/// (<see cref="DetectAsync"/>) ride in the same rounds, ahead of the cameras, with every face judged.
/// Runs on its own thread.
/// </summary>
public sealed partial class InferenceLoop : IAsyncDisposable
{
    private readonly IFaceModels _models;
    private readonly InferenceLoopOptions _options;
    private readonly InferenceMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _feedsGate = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Action _onFrame;
    private readonly CameraFeed?[] _roundFeeds;
    private readonly PooledFrame?[] _roundFrames;
    private readonly StillImageRound _stills;
    private readonly BgrFrame[] _views;
    private readonly int[] _smallFace;
    private readonly int[] _counts;
    private readonly RawFace[] _faces;
    private readonly List<CropRequest> _requests;
    private readonly PhaseTwoBatch _phaseTwo;
    private readonly Func<int, CameraPipeline> _pipelineOf;
    private readonly Task _run;
    private CameraFeed[] _feeds = [];
    private int _signalled;
    private int _next;

    /// <summary>Creates the loop and starts its thread.</summary>
    public InferenceLoop(IFaceModels models, IOptions<InferenceLoopOptions> options, InferenceMetrics metrics, TimeProvider time,
        ILogger<InferenceLoop> logger, int lane = 0)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentNullException.ThrowIfNull(options);
        _models = models;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        int frames = Math.Min(_options.MaxBatchSize, models.MaxFrames), crops = _options.MaxCropsPerRound;
        _roundFeeds = new CameraFeed?[frames];
        _roundFrames = new PooledFrame?[frames];
        _stills = new StillImageRound(frames);
        _views = new BgrFrame[frames];
        _smallFace = new int[frames];
        _counts = new int[frames];
        _faces = new RawFace[models.MaxFaces];
        _requests = new List<CropRequest>(crops);
        _phaseTwo = new PhaseTwoBatch(models, crops);
        _pipelineOf = slot => _roundFeeds[slot]!.Pipeline;
        _onFrame = Signal;
        InferenceLog.Started(_logger, lane, frames, crops);
        _run = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Cameras attached now.</summary>
    public int CameraCount => Volatile.Read(ref _feeds).Length;

    /// <summary>Attaches a camera: from now on each round takes its newest frame.</summary>
    internal CameraFeed Attach(CameraConfig config, ICameraFrameSource source, CameraPipeline pipeline)
    {
        ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
        var feed = new CameraFeed(config, source, pipeline, new MotionThumbnails(_options));
        lock (_feedsGate) _feeds = [.. _feeds, feed];
        source.FrameArrived += _onFrame;
        Signal();
        return feed;
    }

    /// <summary>
    /// Detaches a camera; completes once no round uses it any more (its pipeline may then be finished).
    /// Frames still in its source stay there for the source to dispose.
    /// </summary>
    internal Task DetachAsync(CameraFeed feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        feed.Source.FrameArrived -= _onFrame;
        feed.Detaching = true;
        if (_run.IsCompleted) Remove(feed);
        else Signal();
        return feed.Detached.Task;
    }

    /// <summary>
    /// Detects and judges every face of one image in the next round (the API's path: same sessions, same
    /// batches as the cameras). The caller keeps <paramref name="frame"/>'s pixels alive until this completes.
    /// Throws <see cref="ObjectDisposedException"/> once the loop stops.
    /// </summary>
    public async Task<DetectedFace[]> DetectAsync(BgrFrame frame, int smallFaceLongSide, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_stop.IsCancellationRequested, this);
        var still = new StillImage(frame, smallFaceLongSide);
        _stills.Enqueue(still);
        Signal();
        if (_run.IsCompleted) _stills.FailWaiting();
        using (cancellationToken.Register(() => { if (still.TryWithdraw()) still.Done.TrySetCanceled(cancellationToken); }))
            return await still.Done.Task.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        await _run.ConfigureAwait(false);
        foreach (var feed in Volatile.Read(ref _feeds))
        {
            feed.Source.FrameArrived -= _onFrame;
            Remove(feed);
        }
        _stills.FailWaiting();
        // The semaphore is not disposed: a source thread may still signal a moment after this.
        InferenceLog.Stopped(_logger);
    }

    private void Signal()
    {
        if (Interlocked.Exchange(ref _signalled, 1) == 0) _signal.Release();
    }

    private void Run()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                _signal.Wait(token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            Interlocked.Exchange(ref _signalled, 0);
            // Rounds follow each other while frames keep coming; an empty round means wait for a signal.
            do RemoveDetached();
            while (!token.IsCancellationRequested && RunRound() > 0);
            RemoveDetached();
        }
    }

    private void RemoveDetached()
    {
        foreach (var feed in Volatile.Read(ref _feeds))
            if (feed.Detaching) Remove(feed);
    }

    private void Remove(CameraFeed feed)
    {
        lock (_feedsGate) _feeds = Array.FindAll(_feeds, f => !ReferenceEquals(f, feed));
        feed.Detached.TrySetResult();
    }

    // One round; returns the frames taken (0 = nothing was waiting). Slots [0, n) run phase 1 (uploads first);
    // frames the motion gate skipped but whose never-judged tracks need a crop fill slots [back, length).
    private int RunRound()
    {
        var feeds = Volatile.Read(ref _feeds);
        var now = _time.GetUtcNow();
        int taken = 0, n = 0, back = _roundFeeds.Length;
        while (n < back && _stills.TryTake(n, out var still))
        {
            taken++;
            _views[n] = still.Frame;
            _smallFace[n] = still.SmallFaceLongSide;
            n++;
        }
        int start = feeds.Length == 0 ? 0 : _next++ % feeds.Length;
        for (int k = 0; k < feeds.Length && n < back; k++)
        {
            var feed = feeds[(start + k) % feeds.Length];
            if (feed.Detaching || !feed.Source.Frames.TryRead(out var frame)) continue;
            taken++;
            feed.CountTaken();
            GateVerdict verdict;
            try { verdict = feed.Gate(frame, now, _options, _models); }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                frame.Dispose();
                Fail(feed, ex);
                continue;
            }
            if (verdict == GateVerdict.Skip)
            {
                HandOverSkipped(feed, frame, now);
                continue;
            }
            int slot = verdict == GateVerdict.Analyse ? n++ : --back;
            _roundFeeds[slot] = feed;
            _roundFrames[slot] = frame;
            _views[slot] = frame.AsBgrFrame();
            _smallFace[slot] = feed.Config.SmallFaceLongSide;
        }
        if (n > 0 || back < _roundFeeds.Length) Infer(n, back, now);
        return taken;
    }
}
