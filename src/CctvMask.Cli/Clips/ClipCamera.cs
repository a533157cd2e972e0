using System.Diagnostics;
using CctvMask.Abstractions.Privacy;
using CctvMask.Grains.Cameras;
using CctvMask.Grains.Inference;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Video.Frames;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CctvMask.Cli.Clips;

/// <summary>
/// One camera's production path over a clip, frame after frame, as the inference loop runs a round for it:
/// phase 1, <see cref="CameraPipeline.Track"/> (tracker + <see cref="JudgementPolicy"/>'s crop requests), one
/// crop per request and phase 2 once over them (<see cref="PhaseTwoBatch.CropRequests"/> and
/// <see cref="PhaseTwoBatch.RecordJudgements"/>, the loop's own steps), then
/// <see cref="CameraPipeline.Complete"/> (minute counts, violations, live view). Without a silo: the clock is
/// the clip's (frame n at n ÷ detect fps from a minute boundary) and the sinks only sum. Defaults everywhere
/// (tracker, violations, cameras); no zones, no motion gate (every frame is analysed), but the loop's scene-cut rule.
/// Steady state allocates only what the pipeline itself allocates (the frame handle, live-view JPEGs).
/// </summary>
internal sealed class ClipCamera
{
    /// <summary>A minute boundary, so a clip shorter than a minute is one bucket: people = unique people.</summary>
    private static readonly DateTimeOffset ClockStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly IFaceModels _models;
    private readonly CameraPipeline _pipeline;
    private readonly ClipSinks _sinks = new();
    private readonly FrameBufferPool _pool;
    private readonly TimeSpan _frameInterval;
    private readonly BgrFrame[] _view = new BgrFrame[1];
    private readonly int[] _smallFace = new int[1];
    private readonly int[] _count = new int[1];
    private readonly RawFace[] _faces;
    private readonly List<CropRequest> _requests;
    private readonly PhaseTwoBatch _phaseTwo;
    private readonly Func<int, CameraPipeline> _pipelineOf;
    private readonly int _maxCrops;
    private readonly List<TrackedPerson>? _people;
    private readonly InferenceLoopOptions _loop = new();
    private readonly MotionThumbnails _thumbnails;
    private long _frames;
    private long _faceTotal;
    private long _cropTotal;

    /// <summary>
    /// A camera of the given frame size, analysing <paramref name="detectFps"/> frames per second; with
    /// <paramref name="recordPeople"/> it keeps every person counted (<see cref="People"/>; not for a looping benchmark).
    /// </summary>
    public ClipCamera(IFaceModels models, JudgementMode mode, FrameSize size, double detectFps, int smallFaceLongSide, bool recordPeople = false)
    {
        _people = recordPeople ? [] : null;
        _thumbnails = new MotionThumbnails(_loop);
        ArgumentNullException.ThrowIfNull(models);
        _models = models;
        _pool = new FrameBufferPool(size);
        _frameInterval = TimeSpan.FromSeconds(1 / detectFps);
        _smallFace[0] = smallFaceLongSide;
        var tracker = new TrackerOptions();
        if (mode == JudgementMode.EveryFrame)
        {
            // Re-check every track at half the frame interval: JudgementPolicy then asks for every tracked face
            // of every frame (except faces too small to classify, which v1 did not classify either), tentative tracks too.
            tracker.JudgeTentativeTracks = true;
            tracker.RecheckSeconds = _frameInterval.TotalSeconds / 2;
            tracker.ConfidentRecheckSeconds = _frameInterval.TotalSeconds / 2;
        }
        // Per-frame judges every face; track-aware runs with the loop's per-frame crop budget.
        _maxCrops = mode == JudgementMode.EveryFrame ? int.MaxValue : new InferenceLoopOptions().MaxCropsPerFrame;
        _pipeline = new CameraPipeline("clip", zones: null, PrivacyModes.Default, tracker, new ViolationOptions(), new CameraOptions(), _sinks, _sinks,
            NullLogger.Instance);
        _faces = new RawFace[models.MaxFaces];
        int crops = new InferenceLoopOptions().MaxCropsPerRound;
        _requests = new List<CropRequest>(crops);
        _phaseTwo = new PhaseTwoBatch(models, crops);
        _pipelineOf = _ => _pipeline;
    }

    /// <summary>Frames analysed so far.</summary>
    public long Frames => _frames;

    /// <summary>The people counted so far (tracks confirmed and ended), when recorded.</summary>
    public IReadOnlyList<TrackedPerson> People => _people ?? (IReadOnlyList<TrackedPerson>)[];

    /// <summary>Phase-2 crops so far.</summary>
    public long Crops => _cropTotal;

    /// <summary>Time per stage over the frames run since its last reset.</summary>
    public ClipStages Stages { get; } = new();

    /// <summary>
    /// Runs the next frame of the camera (its pixels are copied into a pooled frame, as ingest reads them from
    /// ffmpeg, because the pipeline owns and disposes what it is handed). Returns the faces phase 1 found.
    /// </summary>
    public int Step(BgrFrame source)
    {
        Span<long> stamps = stackalloc long[ClipStages.Names.Length + 1];
        stamps[0] = Stopwatch.GetTimestamp();
        var now = ClockStart + _frameInterval * _frames;
        PooledFrame? frame = _pool.RentFrame(_frames, now);
        try
        {
            source.Span[..frame.Span.Length].CopyTo(frame.Span);
            var view = frame.AsBgrFrame();
            _view[0] = view;
            stamps[1] = Stopwatch.GetTimestamp();
            int found = _models.DetectFaces(_view, _smallFace, _faces, _count);
            stamps[2] = Stopwatch.GetTimestamp();
            _requests.Clear();
            CutIfSceneChanged(view, now);
            _pipeline.Track(_faces.AsSpan(0, _count[0]), view.Width, view.Height, now, _models, 0, _requests, _maxCrops);
            stamps[3] = Stopwatch.GetTimestamp();
            // The loop's phase-2 step, in its two halves so the bench can tell cropping from classifying.
            _phaseTwo.Clear();
            _phaseTwo.CropRequests(_view, _requests);
            stamps[4] = Stopwatch.GetTimestamp();
            int crops = _phaseTwo.RecordJudgements(_requests, _pipelineOf, now);
            stamps[5] = Stopwatch.GetTimestamp();
            _view[0] = default;
            _frames++;
            _faceTotal += found;
            _cropTotal += crops;
            _pipeline.Complete(frame, now); // owns the frame from here (disposes it)
            frame = null;
            RecordEnded();
            stamps[6] = Stopwatch.GetTimestamp();
            Stages.Add(stamps);
            return found;
        }
        finally
        {
            frame?.Dispose();
        }
    }

    /// <summary>Ends the run like a camera stopping (tracks end, the open minute is flushed) and returns the counts.</summary>
    public ClipCounts Finish()
    {
        _pipeline.Finish();
        RecordEnded();
        return new ClipCounts(_sinks.People, _sinks.Masked, _sinks.Unmasked, _sinks.Unknown, _sinks.Violations, _frames, _faceTotal, _cropTotal);
    }

    // The loop's scene-cut rule (CameraFeed.Gate): the thumbnail of each frame against the last; a cut ends every track.
    private void CutIfSceneChanged(BgrFrame view, DateTimeOffset now)
    {
        if (_loop.SceneCutMeanDifference <= 0) return;
        _thumbnails.Take(view);
        if (_thumbnails.IsSceneCut(_loop))
        {
            _pipeline.SceneCut(now);
            RecordEnded();
        }
        _thumbnails.Keep();
    }

    private void RecordEnded()
    {
        if (_people is null) return;
        foreach (var track in _pipeline.EndedTracks)
            if (track.IsConfirmed) _people.Add(TrackedPerson.Of(track));
    }
}
