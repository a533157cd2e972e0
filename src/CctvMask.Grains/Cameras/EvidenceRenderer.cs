using CctvMask.Abstractions.Privacy;
using CctvMask.Abstractions.Violations;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Grains.Zones;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.Privacy;
using Microsoft.Extensions.Logging;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// The images one camera lets out: the violation records with their evidence (snapshot with the violator
/// highlighted, the judged face crop) and the live-view JPEG while someone watches. The camera's
/// <see cref="PrivacyMode"/> decides what leaves: in <c>evidence</c> every face but the violator's is pixelated
/// in the snapshot; in <c>blurred</c> every face, in snapshots and the live view, and no face crop; in
/// <c>statistics</c> no image and no violation, only their count. Called by <see cref="CameraPipeline"/> under
/// its lock, with the faces and tracks of the frame it is finishing.
/// </summary>
internal sealed class EvidenceRenderer
{
    // A detection is the violator's own face when it overlaps the track's box this much.
    private const float ViolatorFaceIoU = 0.5f;

    private readonly string _cameraId;
    private readonly PrivacyMode _privacy;
    private readonly ViolationPolicy _policy;
    private readonly ViolationOptions _violationOptions;
    private readonly CameraOptions _cameraOptions;
    private readonly IViolationSink _violationSink;
    private readonly IReadOnlyList<float[]>? _zoneOutlines;
    private readonly ILogger _logger;
    private readonly CameraMetrics? _metrics;
    private readonly EvidenceWorker? _worker;
    private int _queued;
    private DetectedFace[] _display = new DetectedFace[16];
    private BoxF[] _obscured = new BoxF[16];
    private int _displayCount;
    private DateTimeOffset _lastLiveFrame = DateTimeOffset.MinValue;

    public EvidenceRenderer(string cameraId, ZoneSet zones, PrivacyMode privacy, ViolationPolicy policy, ViolationOptions violations,
        CameraOptions camera, IViolationSink violationSink, ILogger logger, CameraMetrics? metrics, EvidenceWorker? worker)
    {
        _worker = worker;
        _cameraId = cameraId;
        _privacy = privacy;
        _policy = policy;
        _violationOptions = violations;
        _cameraOptions = camera;
        _violationSink = violationSink;
        _zoneOutlines = zones.Count == 0 ? null : Array.ConvertAll(zones.Polygons, p => p.Points);
        _logger = logger;
        _metrics = metrics;
        LiveView = new LiveView(camera, PrivacyModes.AllowsImages(privacy));
    }

    /// <summary>Violations raised (in <c>statistics</c> mode, counted without a record).</summary>
    public long Violations { get; private set; }

    /// <summary>The live view: made only while a viewer's lease runs.</summary>
    public LiveView LiveView { get; }

    /// <summary>
    /// What the live view and the evidence snapshot show from now on: each face in the zones
    /// (<paramref name="faces"/>, slot by slot with <paramref name="assignments"/>) with its track's verdict.
    /// </summary>
    public void BuildDisplay(ReadOnlySpan<RawFace> faces, ReadOnlySpan<FaceTrack?> assignments)
    {
        if (_display.Length < faces.Length) _display = new DetectedFace[Math.Max(faces.Length, _display.Length * 2)];
        for (int i = 0; i < faces.Length; i++)
        {
            var f = faces[i];
            var verdict = assignments[i]?.Verdict ?? MaskVerdict.Unknown;
            var label = verdict switch
            {
                MaskVerdict.Masked => FaceLabel.WithMask,
                MaskVerdict.Unmasked => FaceLabel.WithoutMask,
                MaskVerdict.Incorrect => FaceLabel.Incorrect,
                _ => FaceLabel.Unknown,
            };
            float p = verdict == MaskVerdict.Unmasked ? 1f - assignments[i]!.UnmaskedConfidence : float.NaN;
            float pIncorrect = verdict == MaskVerdict.Incorrect ? assignments[i]!.IncorrectConfidence : float.NaN;
            _display[i] = new DetectedFace(f.Box, f.Score, f.Landmarks, label, p, pIncorrect);
        }
        _displayCount = faces.Length;
    }

    /// <summary>
    /// One violation per track of <paramref name="toRaise"/>, with evidence drawn from <paramref name="frame"/>;
    /// <paramref name="allFaces"/> are every face of the frame, zones or not (all of them are someone to pixelate).
    /// What the evidence needs is copied here (the frame, the display, the faces to hide, the judged crop); drawing and
    /// encoding run on the silo's <see cref="EvidenceWorker"/> when there is one and it has room, else here.
    /// </summary>
    public void RaiseViolations(BgrFrame frame, List<FaceTrack> toRaise, ReadOnlySpan<FaceTrack?> assignments,
        ReadOnlySpan<BoxF> allFaces, DateTimeOffset now)
    {
        if (!PrivacyModes.RecordsViolations(_privacy))
        {
            // Statistics only: the count goes into the status, no per-person record leaves the camera.
            Violations += toRaise.Count;
            return;
        }
        // Snapshots are drawn only for frames that raise, never per ordinary frame, one per violator with its box
        // highlighted (the others muted): in evidence mode its face is the only one kept, in blurred mode it is
        // pixelated like every other face, so the box is what tells who it was.
        // One copy of the display for every violator of this frame: the jobs only read it.
        var display = _display.AsSpan(0, _displayCount).ToArray();
        foreach (var track in toRaise)
        {
            BoxF? keep = _privacy == PrivacyMode.Evidence ? track.Box : null;
            int violator = SlotOf(assignments, track);
            var kind = _policy.KindOf(track.Verdict) ?? ViolationKind.Unmasked;
            var job = new EvidenceJob(Guid.CreateVersion7(), BgrImage.CopyFrom(frame), FacesToObscure(allFaces, keep).ToArray(), keep, display,
                violator < display.Length ? violator : -1, EncodeFace(track), track.Id,
                kind == ViolationKind.Incorrect ? track.IncorrectConfidence : track.UnmaskedConfidence, track.Box, kind, now);
            Violations++;
            _metrics?.ViolationRaised(_cameraId);
            CameraLog.Violation(_logger, _cameraId, track.Id, job.Confidence);
            if (_worker is not null)
            {
                // Journaled before it waits for the worker: a crash meanwhile keeps the violation and who it was (the
                // face crop, small and already encoded), only the snapshot is lost.
                if (!_violationSink.TryWriteProvisional(ToEvent(job, job.FaceJpeg, [], frame.Width, frame.Height)))
                    CameraLog.SinkRefused(_logger, _cameraId, "provisional violation");
                Interlocked.Increment(ref _queued);
                if (_worker.TryQueue(() => RenderQueued(job))) continue;
                Interlocked.Decrement(ref _queued);
            }
            Render(job);
        }
    }

    /// <summary>Returns once every violation this camera queued has been drawn and handed to the sink (a camera stopping).</summary>
    public void WaitForQueuedEvidence() => SpinWait.SpinUntil(() => Volatile.Read(ref _queued) == 0);

    private void RenderQueued(EvidenceJob job)
    {
        try
        {
            Render(job);
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
    }

    // Runs on the evidence worker or the lane: touches only the job and this camera's immutable settings.
    private void Render(EvidenceJob job)
    {
        byte[] snapshot = [];
        var (width, height) = (job.Image.Width, job.Image.Height);
        try
        {
            // Pixelation happens on the copy before boxes are drawn and before JPEG encoding: what is stored never held the face.
            if (_cameraOptions.PrivacyBackgroundCells > 0) FacePixelator.PixelateBackground(job.Image, job.Keep, _cameraOptions.PrivacyBackgroundCells);
            FacePixelator.Pixelate(job.Image, job.Obscure);
            snapshot = FrameAnnotator.EncodeJpeg(job.Image, job.Display, job.Violator, _zoneOutlines, _violationOptions.JpegQuality);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The record matters more than its snapshot: it is stored without it.
            CameraLog.EvidenceFailed(_logger, _cameraId, "snapshot", job.TrackId, ex);
            snapshot = [];
        }
        finally
        {
            job.Image.Dispose();
        }
        if (!_violationSink.TryWrite(ToEvent(job, job.FaceJpeg, snapshot, width, height))) CameraLog.SinkRefused(_logger, _cameraId, "violation");
    }

    /// <summary>
    /// The evidence face: the crop phase 2 judged (taken once, kept by the track) as JPEG, encoded at the raise so the
    /// provisional record carries it; empty where the privacy mode stores no face crop, or when encoding fails.
    /// </summary>
    private byte[] EncodeFace(FaceTrack track)
    {
        if (!PrivacyModes.AllowsFaceCrop(_privacy) || track.BestCrop is not { } crop) return [];
        try
        {
            var size = track.BestCropSize;
            return ImageCodec.EncodeJpeg(new BgrFrame(crop.AsMemory(0, size * size * 3), size, size), _violationOptions.JpegQuality);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CameraLog.EvidenceFailed(_logger, _cameraId, "face crop", track.Id, ex);
            return [];
        }
    }

    private ViolationEvent ToEvent(EvidenceJob job, byte[] faceJpeg, byte[] snapshot, int width, int height) =>
        new(job.Id, _cameraId, job.TrackId, job.At, job.Confidence, job.Box, faceJpeg, snapshot, width, height, _privacy, job.Kind);

    /// <summary>
    /// True when a viewer's lease runs and the last live frame is older than the live-frame interval. Nobody watching,
    /// no live JPEG: a static camera's largest per-frame cost outside decoding was this encode.
    /// </summary>
    public bool LiveFrameDue(DateTimeOffset now) =>
        LiveView.IsWatched(now)
        && now - _lastLiveFrame >= TimeSpan.FromMilliseconds(_cameraOptions.LiveFrameIntervalMilliseconds);

    /// <summary>Publishes <paramref name="frame"/> with the current display (faces pixelated in <c>blurred</c> mode).</summary>
    public void UpdateLiveFrame(BgrFrame frame, ReadOnlySpan<BoxF> allFaces, DateTimeOffset now)
    {
        try
        {
            var jpeg = Annotate(frame, allFaces, _cameraOptions.LiveFrameJpegQuality, obscure: _privacy == PrivacyMode.Blurred);
            LiveView.Publish(new LiveFrame(_cameraId, now, frame.Width, frame.Height, jpeg));
            _lastLiveFrame = now;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CameraLog.AnnotateFailed(_logger, _cameraId, ex);
        }
    }

    // The live view's frame, on the lane: pixelated on the copy before the boxes are drawn and the JPEG encoded.
    private byte[] Annotate(BgrFrame frame, ReadOnlySpan<BoxF> allFaces, int quality, bool obscure)
    {
        using var image = BgrImage.CopyFrom(frame);
        if (obscure)
        {
            if (_cameraOptions.PrivacyBackgroundCells > 0) FacePixelator.PixelateBackground(image, null, _cameraOptions.PrivacyBackgroundCells);
            FacePixelator.Pixelate(image, FacesToObscure(allFaces, null));
        }
        return FrameAnnotator.EncodeJpeg(image, _display.AsSpan(0, _displayCount), -1, _zoneOutlines, quality);
    }

    private static int SlotOf(ReadOnlySpan<FaceTrack?> assignments, FaceTrack track)
    {
        for (int i = 0; i < assignments.Length; i++)
            if (ReferenceEquals(assignments[i], track)) return i;
        return -1;
    }

    private ReadOnlySpan<BoxF> FacesToObscure(ReadOnlySpan<BoxF> allFaces, BoxF? keep)
    {
        if (_obscured.Length < allFaces.Length) _obscured = new BoxF[Math.Max(allFaces.Length, _obscured.Length * 2)];
        int n = 0;
        foreach (var face in allFaces)
        {
            if (keep is { } own && BoxF.IoU(face, own) >= ViolatorFaceIoU) continue;
            _obscured[n++] = face;
        }
        return _obscured.AsSpan(0, n);
    }

    /// <summary>What one violation's evidence is drawn from, copied off the frame and the tracks at the raise.</summary>
    private sealed record EvidenceJob(Guid Id, BgrImage Image, BoxF[] Obscure, BoxF? Keep, DetectedFace[] Display, int Violator, byte[] FaceJpeg,
        long TrackId, float Confidence, BoxF Box, ViolationKind Kind, DateTimeOffset At);
}
