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
using Microsoft.Extensions.Logging;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// What one camera does with its frames once the inference loop has run phase 1: keep the faces inside
/// its zones, track people, ask for the crops phase 2 should judge, record the verdicts, count people per
/// minute, decide which tracks raise a violation; the images (evidence, live view) are <see cref="EvidenceRenderer"/>'s.
/// It owns each frame it is handed and disposes it. The loop calls <see cref="Track"/>, then <see cref="RecordJudgement"/> per crop, then
/// <see cref="Complete"/> (or <see cref="Skip"/> for a frame the motion gate skipped), from its one thread;
/// <see cref="Tick"/> and <see cref="Finish"/> come from the worker, hence the lock.
/// </summary>
internal sealed partial class CameraPipeline
{
    private readonly object _gate = new();
    private readonly string _cameraId;
    private readonly FaceTracker _tracker;
    private readonly TrackerOptions _trackerOptions;
    private readonly int _violationVotes;
    private readonly ComplianceCounter _compliance;
    private readonly ViolationPolicy _policy;
    private readonly CameraOptions _cameraOptions;
    private readonly IComplianceSink _complianceSink;
    private readonly ZoneSet _zones;
    private readonly EvidenceRenderer _evidence;
    private readonly ILogger _logger;
    private readonly CameraMetrics? _metrics;
    private readonly List<FaceTrack> _toRaise = [];
    private RawFace[] _faces = new RawFace[16];
    private readonly CropSelection _selection = new();
    private int _frameWidth = 1;
    private int _frameHeight = 1;
    private BoxF[] _allFaces = new BoxF[16];
    private int _allFaceCount;
    private int _faceCount;
    private DateTimeOffset _lastProvisional = DateTimeOffset.MinValue;
    // The open minute's counts as of the last Tick: counted once there, read by the status and the journal.
    private ComplianceDelta? _openMinute;
    private ComplianceDelta? _journaled;

    public CameraPipeline(string cameraId, ZoneSet? zones, PrivacyMode privacy, TrackerOptions tracker, ViolationOptions violations, CameraOptions camera,
        IComplianceSink complianceSink, IViolationSink violationSink, ILogger logger, CameraMetrics? metrics = null, EvidenceWorker? evidence = null)
    {
        _metrics = metrics;
        _metrics?.CameraStarted(cameraId);
        _cameraId = cameraId;
        _zones = zones ?? ZoneSet.Empty;
        _tracker = new FaceTracker(tracker);
        _trackerOptions = tracker;
        _compliance = new ComplianceCounter(cameraId, violations.IncorrectMaskIsNonCompliant);
        _policy = new ViolationPolicy(violations);
        _violationVotes = violations.MinVotes;
        _cameraOptions = camera;
        _complianceSink = complianceSink;
        _evidence = new EvidenceRenderer(cameraId, _zones, privacy, _policy, violations, camera, violationSink, logger, metrics, evidence);
        _logger = logger;
    }

    public long FacesDetected { get; private set; }

    public long FacesJudged { get; private set; }

    public long Violations => _evidence.Violations;

    public int PeopleInView { get; private set; }

    public int PeopleThisMinute { get; private set; }

    public ComplianceDelta? LastClosedBucket { get; private set; }

    /// <summary>
    /// The tracks the last <see cref="Complete"/> or <see cref="Finish"/> ended, with their final votes: what a clip
    /// evaluation matches against the ground truth. Read on the thread that called it, before the next frame.
    /// </summary>
    public IReadOnlyList<FaceTrack> EndedTracks => _tracker.EndedTracks;

    /// <summary>The live view: made only while a viewer's lease runs.</summary>
    public LiveView LiveView => _evidence.LiveView;

    /// <summary>
    /// Phase-1 faces of this camera's frame (frame pixels): keeps those whose box centre is inside a zone,
    /// updates the tracker, and appends a <see cref="CropRequest"/> for every face phase 2 should judge, at most
    /// <paramref name="maxCrops"/>, in <see cref="CropPriority"/> order (never judged first, likeliest to be lost first; then judged
    /// longest ago); the rest ask again on a later frame.
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
            _frameWidth = frameWidth;
            _frameHeight = frameHeight;
            _selection.Reset(maxCrops);
            for (int i = 0; i < kept; i++)
            {
                if (assignments[i] is { } track && JudgementPolicy.ShouldJudge(track, inZones[i], models.IsTooSmall(inZones[i]), now, _trackerOptions, _violationVotes))
                    _selection.Offer(Candidate(i, track));
            }
            foreach (ref readonly var chosen in _selection.Chosen())
                requests.Add(new CropRequest(frameSlot, chosen.Track, inZones[chosen.Index]));
        }
    }

    // Under _gate: face i of the last analysed frame as a crop candidate; a track never judged carries its loss risk.
    private CropCandidate Candidate(int i, FaceTrack track) =>
        new(i, track, track.LastJudgedAt is null ? JudgementPolicy.LossRisk(track, _faces[i], _frameWidth, _frameHeight) : 0f);

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
                _evidence.BuildDisplay(_faces.AsSpan(0, _faceCount), assignments);
                if (_toRaise.Count > 0) _evidence.RaiseViolations(view, _toRaise, assignments, _allFaces.AsSpan(0, _allFaceCount), now);
                if (LiveFrameDue(now)) UpdateLiveFrame(view, now);
            }
        }
    }

    /// <summary>
    /// The open minute's counts as of the last <see cref="Tick"/> (the worker ticks at the status interval), for the
    /// status; null before the first tick and from a minute's close to the next tick.
    /// </summary>
    public OpenMinuteCounts? OpenMinute()
    {
        lock (_gate)
            return _openMinute is { } p ? new OpenMinuteCounts(p.BucketStart, p.People, p.Masked, p.Unmasked, p.Incorrect) : null;
    }

    /// <summary>Closes the minute bucket when the clock moved on without frames; counts the open minute so far.</summary>
    public void Tick(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_compliance.BucketStart is { } start && ComplianceCounter.MinuteOf(now) > start)
                CloseBucketIfDue(now);
            _openMinute = _compliance.Provisional();
            JournalOpenMinute(now);
        }
    }

    /// <summary>Camera stopping: ends every track, flushes the open (partial) bucket and waits for its queued evidence.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            _tracker.EndAll();
            EndTracks(DateTimeOffset.MaxValue);
            PeopleInView = 0;
            if (_compliance.Flush() is { } delta) Emit(delta);
        }
        _evidence.WaitForQueuedEvidence();
        _evidence.LiveView.Close();
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
        if (_openMinute is not { People: > 0 } p || p == _journaled) return;
        _journaled = p;
        _complianceSink.TryWriteProvisional(p);
    }

    // The live view is the renderer's; the faces to pixelate are those Track saw last (a skipped frame shows the same).
    private bool LiveFrameDue(DateTimeOffset now) => _evidence.LiveFrameDue(now);

    private void UpdateLiveFrame(BgrFrame frame, DateTimeOffset now) =>
        _evidence.UpdateLiveFrame(frame, _allFaces.AsSpan(0, _allFaceCount), now);

    private void CloseBucketIfDue(DateTimeOffset now)
    {
        if (_compliance.Advance(now) is { } delta) Emit(delta);
    }

    // The closed minute, then the hour's and the day's unique-count changes it brought.
    private void Emit(ComplianceDelta delta)
    {
        _openMinute = null; // closed, no longer open: the next Tick counts the new minute
        LastClosedBucket = delta;
        _metrics?.BucketClosed(delta);
        CameraLog.BucketClosed(_logger, _cameraId, delta.BucketStart, delta.People, delta.Masked, delta.Unmasked, delta.Unknown);
        if (!_complianceSink.TryWrite(delta)) CameraLog.SinkRefused(_logger, _cameraId, "compliance delta");
        foreach (var period in _compliance.PeriodDeltas)
            if (!_complianceSink.TryWrite(period)) CameraLog.SinkRefused(_logger, _cameraId, "compliance delta");
    }
}
