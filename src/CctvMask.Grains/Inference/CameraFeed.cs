using CctvMask.Grains.Cameras;
using CctvMask.Video.Frames;

namespace CctvMask.Grains.Inference;

/// <summary>
/// One camera attached to the <see cref="InferenceLoop"/>: its frame source, its pipeline, its per-camera
/// settings, the motion gate's last thumbnail, and the counters its status reports. Created by
/// <see cref="InferenceLoop.Attach"/>; the loop's thread is the only writer of the frame-path fields.
/// </summary>
public sealed class CameraFeed
{
    private long _taken;
    private long _analysed;
    private long _skipped;
    private long _failed;
    private long _lastFrameTicks;
    private string? _lastError;

    internal CameraFeed(CameraConfig config, ICameraFrameSource source, CameraPipeline pipeline, MotionThumbnails thumbnails)
    {
        Config = config;
        Source = source;
        Pipeline = pipeline;
        Thumbnails = thumbnails;
    }

    /// <summary>Camera id.</summary>
    public string CameraId => Config.CameraId;

    /// <summary>The camera's configuration (small-face pass, motion gating, zones).</summary>
    public CameraConfig Config { get; }

    /// <summary>Frames taken from the source by the loop.</summary>
    public long FramesTaken => Interlocked.Read(ref _taken);

    /// <summary>Frames that went through phase 1 and the pipeline.</summary>
    public long FramesAnalysed => Interlocked.Read(ref _analysed);

    /// <summary>Frames the motion gate kept from phase 1.</summary>
    public long FramesSkipped => Interlocked.Read(ref _skipped);

    /// <summary>Frames lost to an inference or pipeline error.</summary>
    public long FramesFailed => Interlocked.Read(ref _failed);

    /// <summary>When the last frame was analysed or skipped (null before the first).</summary>
    public DateTimeOffset? LastFrameAt
    {
        get
        {
            long ticks = Interlocked.Read(ref _lastFrameTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>The last inference or pipeline error of this camera, or null.</summary>
    public string? LastError => Volatile.Read(ref _lastError);

    internal ICameraFrameSource Source { get; }

    internal CameraPipeline Pipeline { get; }

    // Motion gate state: the thumbnail of the last analysed frame and the current one's.
    internal MotionThumbnails Thumbnails { get; }

    internal DateTimeOffset? LastAnalysedAt { get; set; }

    internal volatile bool Detaching;

    internal readonly TaskCompletionSource Detached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// The motion gate on one frame: analyse it (phase 1), skip it, or skip phase 1 but crop the tracks never judged
    /// (their boxes still hold: nothing moved). Keeps the thumbnail of each analysed frame. A scene cut since the last
    /// analysed frame ends the camera's tracks first, gated or not.
    /// </summary>
    internal GateVerdict Gate(PooledFrame frame, DateTimeOffset now, InferenceLoopOptions options, IFaceModels models)
    {
        bool cuts = options.SceneCutMeanDifference > 0;
        if (!Config.MotionGating && !cuts) return GateVerdict.Analyse;
        Thumbnails.Take(frame.AsBgrFrame());
        // Another scene: no track carries on into it (the pipeline counts the ended tracks first).
        if (cuts && Thumbnails.IsSceneCut(options)) Pipeline.SceneCut(now);
        if (!Config.MotionGating)
        {
            Thumbnails.Keep();
            return GateVerdict.Analyse;
        }
        double changed = Thumbnails.ChangedFraction(options.MotionPixelThreshold);
        ObserveMotion(changed > options.MotionAreaThreshold, now, options.MotionKeyFramesAfterSeconds);
        if (!MotionGate.ShouldSkip(true, LastAnalysedAt, changed, now, options))
        {
            Thumbnails.Keep();
            LastAnalysedAt = now;
            return GateVerdict.Analyse;
        }
        UnjudgedFrom = Pipeline.FirstUnjudged(models, now);
        return UnjudgedFrom >= 0 ? GateVerdict.SkipWithCrops : GateVerdict.Skip;
    }

    /// <summary>Where the gate found the first never-judged track of a skipped frame: the round's crop requests resume there.</summary>
    internal int UnjudgedFrom { get; private set; } = -1;

    internal DateTimeOffset? LastMotionAt { get; private set; }

    internal bool KeyFramesOnly { get; private set; }

    /// <summary>The motion gate's verdict on a frame: asks the source for key frames only once the scene stayed still.</summary>
    internal void ObserveMotion(bool moved, DateTimeOffset now, int keyFramesAfterSeconds)
    {
        if (moved || LastMotionAt is null) LastMotionAt = now;
        bool keyFrames = MotionGate.DecodeKeyFramesOnly(moved, LastMotionAt.Value, now, keyFramesAfterSeconds);
        if (keyFrames == KeyFramesOnly) return;
        KeyFramesOnly = keyFrames;
        Source.DecodeKeyFramesOnly(keyFrames);
    }

    internal void CountTaken() => Interlocked.Increment(ref _taken);

    internal void CountAnalysed(DateTimeOffset at)
    {
        Interlocked.Increment(ref _analysed);
        Interlocked.Exchange(ref _lastFrameTicks, at.UtcTicks);
    }

    internal void CountSkipped(DateTimeOffset at)
    {
        Interlocked.Increment(ref _skipped);
        Interlocked.Exchange(ref _lastFrameTicks, at.UtcTicks);
    }

    internal void CountFailed(Exception error)
    {
        Interlocked.Increment(ref _failed);
        Volatile.Write(ref _lastError, error.GetBaseException().Message);
    }
}
