using CctvMask.Grains.Compliance;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;
using Microsoft.Extensions.Logging;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// What a camera does with each frame's detections: track people, count them per minute, raise
/// violations with evidence, keep the live-view JPEG. Thread-safe (one lock); the worker feeds it.
/// </summary>
internal sealed class CameraPipeline : IDisposable
{
    private readonly object _gate = new();
    private readonly string _cameraId;
    private readonly FaceTracker _tracker;
    private readonly ComplianceCounter _compliance;
    private readonly ViolationPolicy _policy;
    private readonly BestFaceCrops _crops;
    private readonly ViolationOptions _violationOptions;
    private readonly CameraOptions _cameraOptions;
    private readonly IComplianceSink _complianceSink;
    private readonly IViolationSink _violationSink;
    private readonly ILogger _logger;
    private readonly List<FaceTrack> _toRaise = [];
    private DateTimeOffset _lastLiveFrame = DateTimeOffset.MinValue;
    private LiveFrame? _latest;

    public CameraPipeline(string cameraId, TrackerOptions tracker, ViolationOptions violations, CameraOptions camera,
        IComplianceSink complianceSink, IViolationSink violationSink, ILogger logger)
    {
        _cameraId = cameraId;
        _tracker = new FaceTracker(tracker);
        _compliance = new ComplianceCounter(cameraId);
        _policy = new ViolationPolicy(violations);
        _crops = new BestFaceCrops(violations);
        _violationOptions = violations;
        _cameraOptions = camera;
        _complianceSink = complianceSink;
        _violationSink = violationSink;
        _logger = logger;
    }

    public long FacesDetected { get; private set; }

    public long Violations { get; private set; }

    public int PeopleInView { get; private set; }

    public int PeopleThisMinute { get; private set; }

    public ComplianceDelta? LastClosedBucket { get; private set; }

    public LiveFrame? LatestFrame => Volatile.Read(ref _latest);

    /// <summary>Feeds one analysed frame; <paramref name="frame"/> is only read during the call.</summary>
    public void Process(BgrFrame frame, ReadOnlySpan<DetectedFace> faces, DateTimeOffset now)
    {
        lock (_gate)
        {
            CloseBucketIfDue(now);
            _tracker.Update(faces);
            FacesDetected += faces.Length;
            var assignments = _tracker.Assignments;
            _toRaise.Clear();
            for (int i = 0; i < faces.Length; i++)
            {
                if (assignments[i] is not { } track) continue;
                _crops.Offer(track.Id, faces[i], frame);
                _compliance.Observe(track, now);
                if (_policy.ShouldRaise(track, now)) _toRaise.Add(track);
            }
            foreach (var ended in _tracker.EndedTracks) Forget(ended.Id);

            int inView = 0;
            foreach (var track in _tracker.Tracks) if (track.IsConfirmed && track.MissedFrames == 0) inView++;
            PeopleInView = inView;
            PeopleThisMinute = _compliance.CurrentPeople;

            if (_toRaise.Count > 0) RaiseViolations(frame, faces, now);
            if (now - _lastLiveFrame >= TimeSpan.FromMilliseconds(_cameraOptions.LiveFrameIntervalMilliseconds))
                UpdateLiveFrame(frame, faces, now);
        }
    }

    /// <summary>Closes the minute bucket when the clock moved on without frames.</summary>
    public void Tick(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_compliance.BucketStart is { } start && ComplianceCounter.MinuteOf(now) > start)
                CloseBucketIfDue(now);
        }
    }

    /// <summary>Camera stopping: ends every track and flushes the open (partial) bucket.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            _tracker.EndAll();
            foreach (var ended in _tracker.EndedTracks) Forget(ended.Id);
            PeopleInView = 0;
            if (_compliance.Flush() is { } delta) Emit(delta);
        }
    }

    public void Dispose()
    {
        lock (_gate) _crops.Dispose();
    }

    private void CloseBucketIfDue(DateTimeOffset now)
    {
        if (_compliance.Advance(now) is { } delta) Emit(delta);
    }

    private void Emit(ComplianceDelta delta)
    {
        LastClosedBucket = delta;
        CameraLog.BucketClosed(_logger, _cameraId, delta.BucketStart, delta.People, delta.Masked, delta.Unmasked, delta.Unknown);
        if (!_complianceSink.TryWrite(delta)) CameraLog.SinkRefused(_logger, _cameraId, "compliance delta");
    }

    private void Forget(long trackId)
    {
        _policy.Forget(trackId);
        _crops.Remove(trackId);
    }

    private void RaiseViolations(BgrFrame frame, ReadOnlySpan<DetectedFace> faces, DateTimeOffset now)
    {
        // The snapshot is drawn once per frame that raises, never per ordinary frame.
        byte[] snapshot = Annotate(frame, faces, _violationOptions.JpegQuality);
        foreach (var track in _toRaise)
        {
            byte[] faceJpeg = [];
            var box = track.Box;
            if (_crops.TryGet(track.Id, out var crop, out _))
                faceJpeg = ImageCodec.EncodeJpeg(crop, _violationOptions.JpegQuality);
            var violation = new ViolationEvent(Guid.CreateVersion7(), _cameraId, track.Id, now, track.UnmaskedConfidence,
                box, faceJpeg, snapshot, frame.Width, frame.Height);
            Violations++;
            CameraLog.Violation(_logger, _cameraId, track.Id, track.UnmaskedConfidence);
            if (!_violationSink.TryWrite(violation)) CameraLog.SinkRefused(_logger, _cameraId, "violation");
        }
    }

    private void UpdateLiveFrame(BgrFrame frame, ReadOnlySpan<DetectedFace> faces, DateTimeOffset now)
    {
        try
        {
            var jpeg = Annotate(frame, faces, _cameraOptions.LiveFrameJpegQuality);
            Volatile.Write(ref _latest, new LiveFrame(_cameraId, now, frame.Width, frame.Height, jpeg));
            _lastLiveFrame = now;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CameraLog.AnnotateFailed(_logger, _cameraId, ex);
        }
    }

    private static byte[] Annotate(BgrFrame frame, ReadOnlySpan<DetectedFace> faces, int quality)
    {
        using var image = BgrImage.CopyFrom(frame);
        FrameAnnotator.Draw(image, faces);
        return ImageCodec.EncodeJpeg(image.AsFrame(), quality);
    }
}
