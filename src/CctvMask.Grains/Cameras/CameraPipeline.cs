using CctvMask.Abstractions.Violations;
using CctvMask.Abstractions.Privacy;
using CctvMask.Grains.Compliance;
using CctvMask.Grains.Inference;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Grains.Zones;
using CctvMask.Video.Frames;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.Privacy;
using Microsoft.Extensions.Logging;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// What one camera does with its frames once the inference loop has run phase 1: keep the faces inside
/// its zones, track people, ask for the crops phase 2 should judge, record the verdicts, count people per
/// minute, raise violations with evidence, keep the live-view JPEG while someone watches (<see cref="Cameras.LiveView"/>). It owns each frame it is handed and
/// disposes it. The loop calls <see cref="Track"/>, then <see cref="RecordJudgement"/> per crop, then
/// <see cref="Complete"/> (or <see cref="Skip"/> for a frame the motion gate skipped), from its one thread;
/// <see cref="Tick"/> and <see cref="Finish"/> come from the worker, hence the lock.
/// The camera's <see cref="PrivacyMode"/> decides what leaves it as images: in <c>evidence</c> every face but the
/// violator's is pixelated in the snapshot; in <c>blurred</c> every face, in snapshots and the live view, and no
/// face crop; in <c>statistics</c> no image and no violation leave it, only counts.
/// </summary>
internal sealed class CameraPipeline
{
    private readonly object _gate = new();
    // A detection is the violator's own face when it overlaps the track's box this much.
    private const float ViolatorFaceIoU = 0.5f;

    private readonly string _cameraId;
    private readonly PrivacyMode _privacy;
    private readonly FaceTracker _tracker;
    private readonly TrackerOptions _trackerOptions;
    private readonly ComplianceCounter _compliance;
    private readonly ViolationPolicy _policy;
    private readonly ViolationOptions _violationOptions;
    private readonly CameraOptions _cameraOptions;
    private readonly IComplianceSink _complianceSink;
    private readonly IViolationSink _violationSink;
    private readonly ZoneSet _zones;
    private readonly IReadOnlyList<float[]>? _zoneOutlines;
    private readonly ILogger _logger;
    private readonly CameraMetrics? _metrics;
    private readonly List<FaceTrack> _toRaise = [];
    private RawFace[] _faces = new RawFace[16];
    private int[] _later = new int[16];
    private DetectedFace[] _display = new DetectedFace[16];
    private BoxF[] _allFaces = new BoxF[16];
    private BoxF[] _obscured = new BoxF[16];
    private int _allFaceCount;
    private int _faceCount;
    private int _displayCount;
    private DateTimeOffset _lastLiveFrame = DateTimeOffset.MinValue;
    private DateTimeOffset _lastProvisional = DateTimeOffset.MinValue;
    private ComplianceDelta? _provisional;
    private readonly LiveView _live;

    public CameraPipeline(string cameraId, ZoneSet? zones, PrivacyMode privacy, TrackerOptions tracker, ViolationOptions violations, CameraOptions camera,
        IComplianceSink complianceSink, IViolationSink violationSink, ILogger logger, CameraMetrics? metrics = null)
    {
        _metrics = metrics;
        _metrics?.CameraStarted(cameraId);
        _cameraId = cameraId;
        _privacy = privacy;
        _zones = zones ?? ZoneSet.Empty;
        _zoneOutlines = _zones.Count == 0 ? null : Array.ConvertAll(_zones.Polygons, p => p.Points);
        _tracker = new FaceTracker(tracker);
        _trackerOptions = tracker;
        _compliance = new ComplianceCounter(cameraId, violations.IncorrectMaskIsNonCompliant);
        _policy = new ViolationPolicy(violations);
        _violationOptions = violations;
        _cameraOptions = camera;
        _live = new LiveView(camera, PrivacyModes.AllowsImages(privacy));
        _complianceSink = complianceSink;
        _violationSink = violationSink;
        _logger = logger;
    }

    public long FacesDetected { get; private set; }

    public long FacesJudged { get; private set; }

    public long Violations { get; private set; }

    public int PeopleInView { get; private set; }

    public int PeopleThisMinute { get; private set; }

    public ComplianceDelta? LastClosedBucket { get; private set; }

    /// <summary>The live view: made only while a viewer's lease runs.</summary>
    public LiveView LiveView => _live;

    /// <summary>
    /// Phase-1 faces of this camera's frame (frame pixels): keeps those whose box centre is inside a zone,
    /// updates the tracker, and appends a <see cref="CropRequest"/> for every face phase 2 should judge, at most
    /// <paramref name="maxCrops"/>: tracks never judged first, the rest ask again on a later frame.
    /// </summary>
    public void Track(ReadOnlySpan<RawFace> faces, int frameWidth, int frameHeight, DateTimeOffset now, IFaceModels models,
        int frameSlot, List<CropRequest> requests, int maxCrops)
    {
        lock (_gate)
        {
            CloseBucketIfDue(now);
            if (_faces.Length < faces.Length) _faces = new RawFace[Math.Max(faces.Length, _faces.Length * 2)];
            // Every face of the frame, zones or not, is someone pixelation must cover.
            if (_allFaces.Length < faces.Length) _allFaces = new BoxF[Math.Max(faces.Length, _allFaces.Length * 2)];
            for (int i = 0; i < faces.Length; i++) _allFaces[i] = faces[i].Box;
            _allFaceCount = faces.Length;
            int kept = 0;
            foreach (var face in faces)
            {
                if (_zones.Contains(face.Box.CenterX / frameWidth, face.Box.CenterY / frameHeight))
                    _faces[kept++] = face;
            }
            _faceCount = kept;
            var inZones = _faces.AsSpan(0, kept);
            _tracker.Update(inZones);
            FacesDetected += kept;
            var assignments = _tracker.Assignments;
            if (_later.Length < kept) _later = new int[Math.Max(kept, _later.Length * 2)];
            int budget = maxCrops, later = 0;
            for (int i = 0; i < kept; i++)
            {
                if (assignments[i] is not { } track || !JudgementPolicy.ShouldJudge(track, inZones[i], models.IsTooSmall(inZones[i]), now, _trackerOptions))
                    continue;
                if (track.LastJudgedAt is not null) _later[later++] = i;
                else if (budget > 0)
                {
                    requests.Add(new CropRequest(frameSlot, track, inZones[i]));
                    budget--;
                }
            }
            // Then the tracks judged longest ago, so a capped frame never starves the same faces.
            for (; budget > 0 && later > 0; budget--)
            {
                int oldest = 0;
                for (int k = 1; k < later; k++)
                    if (assignments[_later[k]]!.LastJudgedAt < assignments[_later[oldest]]!.LastJudgedAt) oldest = k;
                requests.Add(new CropRequest(frameSlot, assignments[_later[oldest]]!, inZones[_later[oldest]]));
                _later[oldest] = _later[--later];
            }
        }
    }

    /// <summary>
    /// True when a track in view has never been judged (its first crop did not fit a frame's budget): a frame the
    /// motion gate skips can still serve it, since nothing moved since the boxes were found.
    /// </summary>
    public bool HasUnjudged(IFaceModels models) => RequestUnjudged(-1, models, int.MaxValue, null) > 0;

    /// <summary>
    /// For a frame the motion gate skipped: appends crop requests (at most <paramref name="maxCrops"/>) for the tracks
    /// in view that were never judged, at their boxes of the last analysed frame. Returns the requests added.
    /// </summary>
    public int RequestUnjudged(int frameSlot, IFaceModels models, int maxCrops, List<CropRequest>? requests)
    {
        lock (_gate)
        {
            var assignments = _tracker.Assignments;
            int added = 0;
            for (int i = 0; i < _faceCount && i < assignments.Length && added < maxCrops; i++)
            {
                if (assignments[i] is not { LastJudgedAt: null, MissedFrames: 0 } track || models.IsTooSmall(_faces[i])) continue;
                requests?.Add(new CropRequest(frameSlot, track, _faces[i]));
                added++;
            }
            return added;
        }
    }

    /// <summary>Phase 2's verdict on one requested crop (the crop is only read during the call).</summary>
    public void RecordJudgement(FaceTrack track, in DetectedFace judged, ReadOnlySpan<byte> cropBgr, int cropSize, DateTimeOffset now)
    {
        lock (_gate)
        {
            track.RecordJudgement(judged, cropBgr, cropSize, now);
            FacesJudged++;
        }
    }

    /// <summary>Finishes the frame given to <see cref="Track"/>: counts, violations, live view. Disposes <paramref name="frame"/>.</summary>
    public void Complete(PooledFrame frame, DateTimeOffset now)
    {
        using (frame)
        {
            lock (_gate)
            {
                // The round may have crossed a minute since Track: the open minute closes before this frame counts.
                CloseBucketIfDue(now);
                var view = frame.AsBgrFrame();
                var assignments = _tracker.Assignments;
                _toRaise.Clear();
                for (int i = 0; i < assignments.Length; i++)
                {
                    if (assignments[i] is not { } track) continue;
                    _compliance.Observe(track, now);
                    if (_policy.ShouldRaise(track, now)) _toRaise.Add(track);
                }
                EndTracks(now);

                int inView = 0;
                foreach (var track in _tracker.Tracks) if (track.IsConfirmed && track.MissedFrames == 0) inView++;
                PeopleInView = inView;
                PeopleThisMinute = _compliance.CurrentPeople;
                BuildDisplay();
                if (_toRaise.Count > 0) RaiseViolations(view, now);
                if (LiveFrameDue(now)) UpdateLiveFrame(view, now);
            }
        }
    }

    /// <summary>A frame the motion gate kept from phase 1: tracks stay as they are; the live view may refresh. Disposes it.</summary>
    public void Skip(PooledFrame frame, DateTimeOffset now)
    {
        using (frame)
        {
            lock (_gate)
            {
                CloseBucketIfDue(now);
                // Nothing moved since the last analysed frame: its faces are still in view, so their tracks
                // gain a hit (a person standing still gets confirmed) and count in this minute.
                foreach (var track in _tracker.Assignments)
                {
                    if (track is null || track.MissedFrames != 0) continue;
                    track.Hold(_trackerOptions.ConfirmHits);
                    _compliance.Observe(track, now);
                }
                int inView = 0;
                foreach (var track in _tracker.Tracks) if (track.IsConfirmed && track.MissedFrames == 0) inView++;
                PeopleInView = inView;
                PeopleThisMinute = _compliance.CurrentPeople;
                if (LiveFrameDue(now)) UpdateLiveFrame(frame.AsBgrFrame(), now);
            }
        }
    }

    /// <summary>The open minute's counts so far, for the status (once per status refresh, not per frame).</summary>
    public OpenMinuteCounts? OpenMinute()
    {
        lock (_gate)
            return _compliance.Provisional() is { } p ? new OpenMinuteCounts(p.BucketStart, p.People, p.Masked, p.Unmasked) : null;
    }

    /// <summary>Closes the minute bucket when the clock moved on without frames.</summary>
    public void Tick(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_compliance.BucketStart is { } start && ComplianceCounter.MinuteOf(now) > start)
                CloseBucketIfDue(now);
            JournalOpenMinute(now);
        }
    }

    /// <summary>Camera stopping: ends every track and flushes the open (partial) bucket.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            _tracker.EndAll();
            EndTracks(DateTimeOffset.MaxValue);
            PeopleInView = 0;
            if (_compliance.Flush() is { } delta) Emit(delta);
        }
        _live.Close();
    }

    private void EndTracks(DateTimeOffset now)
    {
        foreach (var ended in _tracker.EndedTracks)
        {
            _policy.Forget(ended.Id, now);
            _metrics?.TrackEnded(_cameraId, ended);
        }
    }

    // The open minute's counts so far go to the journal now and then, so a crash loses at most that interval.
    private void JournalOpenMinute(DateTimeOffset now)
    {
        if (now - _lastProvisional < TimeSpan.FromSeconds(_cameraOptions.ProvisionalIntervalSeconds)) return;
        _lastProvisional = now;
        if (_compliance.Provisional() is not { People: > 0 } p || p == _provisional) return;
        _provisional = p;
        _complianceSink.TryWriteProvisional(p);
    }

    // Nobody watching, no live JPEG: a static camera's largest per-frame cost outside decoding was this encode.
    private bool LiveFrameDue(DateTimeOffset now) =>
        _live.IsWatched(now)
        && now - _lastLiveFrame >= TimeSpan.FromMilliseconds(_cameraOptions.LiveFrameIntervalMilliseconds);

    private void CloseBucketIfDue(DateTimeOffset now)
    {
        if (_compliance.Advance(now) is { } delta) Emit(delta);
    }

    // The closed minute, then the hour's and the day's unique-count changes it brought.
    private void Emit(ComplianceDelta delta)
    {
        LastClosedBucket = delta;
        _metrics?.BucketClosed(delta);
        CameraLog.BucketClosed(_logger, _cameraId, delta.BucketStart, delta.People, delta.Masked, delta.Unmasked, delta.Unknown);
        if (!_complianceSink.TryWrite(delta)) CameraLog.SinkRefused(_logger, _cameraId, "compliance delta");
        foreach (var period in _compliance.PeriodDeltas)
            if (!_complianceSink.TryWrite(period)) CameraLog.SinkRefused(_logger, _cameraId, "compliance delta");
    }

    // What the live view and the evidence snapshot show: each face in the zones with its track's verdict.
    private void BuildDisplay()
    {
        var assignments = _tracker.Assignments;
        if (_display.Length < _faceCount) _display = new DetectedFace[Math.Max(_faceCount, _display.Length * 2)];
        for (int i = 0; i < _faceCount; i++)
        {
            var f = _faces[i];
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
        _displayCount = _faceCount;
    }

    private void RaiseViolations(BgrFrame frame, DateTimeOffset now)
    {
        if (!PrivacyModes.RecordsViolations(_privacy))
        {
            // Statistics only: the count goes into the status, no per-person record leaves the camera.
            Violations += _toRaise.Count;
            return;
        }
        // Snapshots are drawn only for frames that raise, never per ordinary frame, one per violator with its box
        // highlighted (the others muted): in evidence mode its face is the only one kept, in blurred mode it is
        // pixelated like every other face, so the box is what tells who it was.
        var assignments = _tracker.Assignments;
        foreach (var track in _toRaise)
        {
            BoxF? keep = _privacy == PrivacyMode.Evidence ? track.Box : null;
            byte[] snapshot = Annotate(frame, _violationOptions.JpegQuality, obscure: true, keep, violator: SlotOf(assignments, track));
            // The evidence crop is the one phase 2 judged (taken once, kept by the track); only evidence mode stores it.
            byte[] faceJpeg = PrivacyModes.AllowsFaceCrop(_privacy) && track.BestCrop is { } crop
                ? ImageCodec.EncodeJpeg(new BgrFrame(crop, track.BestCropSize, track.BestCropSize), _violationOptions.JpegQuality)
                : [];
            var kind = _policy.KindOf(track.Verdict) ?? ViolationKind.Unmasked;
            float confidence = kind == ViolationKind.Incorrect ? track.IncorrectConfidence : track.UnmaskedConfidence;
            var violation = new ViolationEvent(Guid.CreateVersion7(), _cameraId, track.Id, now, confidence,
                track.Box, faceJpeg, snapshot, frame.Width, frame.Height, _privacy, kind);
            Violations++;
            _metrics?.ViolationRaised(_cameraId);
            CameraLog.Violation(_logger, _cameraId, track.Id, confidence);
            if (!_violationSink.TryWrite(violation)) CameraLog.SinkRefused(_logger, _cameraId, "violation");
        }
    }

    private void UpdateLiveFrame(BgrFrame frame, DateTimeOffset now)
    {
        try
        {
            var jpeg = Annotate(frame, _cameraOptions.LiveFrameJpegQuality, obscure: _privacy == PrivacyMode.Blurred, keep: null);
            _live.Publish(new LiveFrame(_cameraId, now, frame.Width, frame.Height, jpeg));
            _lastLiveFrame = now;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CameraLog.AnnotateFailed(_logger, _cameraId, ex);
        }
    }

    // Pixelation happens on the copy before boxes are drawn and before JPEG encoding: what is stored never held the face.
    // With a violator (a display slot), its box is highlighted and the others muted: the evidence image.
    private byte[] Annotate(BgrFrame frame, int quality, bool obscure, BoxF? keep, int violator = -1)
    {
        using var image = BgrImage.CopyFrom(frame);
        if (obscure)
        {
            if (_cameraOptions.PrivacyBackgroundCells > 0) FacePixelator.PixelateBackground(image, keep, _cameraOptions.PrivacyBackgroundCells);
            FacePixelator.Pixelate(image, FacesToObscure(keep));
        }
        var display = _display.AsSpan(0, _displayCount);
        if (violator >= 0 && violator < display.Length) FrameAnnotator.DrawEvidence(image, display, violator, _zoneOutlines);
        else FrameAnnotator.Draw(image, display, _zoneOutlines);
        return ImageCodec.EncodeJpeg(image.AsFrame(), quality);
    }

    private static int SlotOf(ReadOnlySpan<FaceTrack?> assignments, FaceTrack track)
    {
        for (int i = 0; i < assignments.Length; i++)
            if (ReferenceEquals(assignments[i], track)) return i;
        return -1;
    }

    private ReadOnlySpan<BoxF> FacesToObscure(BoxF? keep)
    {
        if (_obscured.Length < _allFaceCount) _obscured = new BoxF[_allFaces.Length];
        int n = 0;
        for (int i = 0; i < _allFaceCount; i++)
        {
            if (keep is { } own && BoxF.IoU(_allFaces[i], own) >= ViolatorFaceIoU) continue;
            _obscured[n++] = _allFaces[i];
        }
        return _obscured.AsSpan(0, n);
    }
}
