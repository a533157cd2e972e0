using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;

namespace CctvMask.Grains.Tracking;

/// <summary>
/// Per-camera multi-face tracker (pure, single-threaded): each frame's detections are associated
/// with live tracks by IoU, then by centroid distance for what is left; unmatched detections open
/// tracks; a track that misses more than <see cref="TrackerOptions.MaxMissedFrames"/> consecutive
/// frames ends. Association is greedy (best pair first), which is enough for the handful of faces
/// per frame a CCTV scene holds. Steady state allocates nothing per frame (only new tracks allocate).
/// <para>Every new track for a person already tracked is one more person counted, so a track is
/// re-found where a person plausibly is, not only where the constant-velocity prediction puts them:
/// both the prediction and the last seen box are tried (a person who stopped while undetected is
/// where they were last seen, not carried on by the old velocity); and a track seen once, which has no velocity
/// yet, accepts a detection up to <see cref="TrackerOptions.NewTrackCentroidDistance"/> box sizes
/// away (a small face moving fast at 5 analysed frames per second jumps more than its own size).
/// The gate does not widen with missed frames: tried (0.1 and 0.25 box sizes per missed frame), it let
/// tracks wander onto other faces after a scene change and raised violations per person on the looping
/// crowd clip from 1.39 to 1.52 and 2.00 (<c>ViolationsPerPersonTests</c>).</para>
/// </summary>
public sealed class FaceTracker
{
    private readonly TrackerOptions _options;
    private readonly List<FaceTrack> _tracks = [];
    private readonly List<FaceTrack> _ended = [];
    private readonly List<Candidate> _candidates = [];
    private FaceTrack?[] _assignments = new FaceTrack?[16];
    private bool[] _trackMatched = new bool[16];
    private int _faceCount;
    private long _nextId = 1;

    /// <summary>Creates a tracker.</summary>
    public FaceTracker(TrackerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <summary>Frames processed so far (the index of the last frame passed to <see cref="Update"/>).</summary>
    public long FrameIndex { get; private set; } = -1;

    /// <summary>Live tracks (confirmed and tentative).</summary>
    public IReadOnlyList<FaceTrack> Tracks => _tracks;

    /// <summary>Tracks that ended during the last <see cref="Update"/> or <see cref="EndAll"/>.</summary>
    public IReadOnlyList<FaceTrack> EndedTracks => _ended;

    /// <summary>For each detection of the last frame, the track it was assigned to (null when the track limit was hit).</summary>
    public ReadOnlySpan<FaceTrack?> Assignments => _assignments.AsSpan(0, _faceCount);

    /// <summary>Feeds one frame's detections.</summary>
    public void Update(ReadOnlySpan<RawFace> faces)
    {
        FrameIndex++;
        _ended.Clear();
        _faceCount = faces.Length;
        EnsureCapacity(faces.Length, _tracks.Count);
        Array.Clear(_assignments, 0, faces.Length);
        Array.Clear(_trackMatched, 0, _tracks.Count);

        AssociateByIoU(faces);
        AssociateByCentroid(faces);

        for (int t = _tracks.Count - 1; t >= 0; t--)
        {
            if (_trackMatched[t]) continue;
            var track = _tracks[t];
            track.Miss();
            if (track.MissedFrames > _options.MaxMissedFrames)
            {
                _ended.Add(track);
                _tracks.RemoveAt(t);
            }
        }

        for (int d = 0; d < faces.Length; d++)
        {
            if (_assignments[d] is not null || _tracks.Count >= _options.MaxTracks) continue;
            var track = new FaceTrack(_nextId++, faces[d], FrameIndex, _options.MinJudgedVotes);
            track.IsConfirmed = track.Hits >= _options.ConfirmHits;
            _tracks.Add(track);
            _assignments[d] = track;
        }
    }

    /// <summary>Ends every live track (camera stopping); they appear in <see cref="EndedTracks"/>.</summary>
    public void EndAll()
    {
        _ended.Clear();
        _ended.AddRange(_tracks);
        _tracks.Clear();
        _faceCount = 0;
    }

    private void AssociateByIoU(ReadOnlySpan<RawFace> faces)
    {
        _candidates.Clear();
        float threshold = (float)_options.IouThreshold;
        for (int t = 0; t < _tracks.Count; t++)
        {
            var track = _tracks[t];
            var predicted = track.PredictBox(FrameIndex);
            for (int d = 0; d < faces.Length; d++)
            {
                float iou = MathF.Max(BoxF.IoU(predicted, faces[d].Box), BoxF.IoU(track.Box, faces[d].Box));
                if (iou >= threshold)
                    _candidates.Add(new Candidate(t, d, -iou));
            }
        }
        Assign(faces);
    }

    private void AssociateByCentroid(ReadOnlySpan<RawFace> faces)
    {
        _candidates.Clear();
        float baseLimit = (float)_options.MaxCentroidDistance;
        if (baseLimit <= 0) return;
        float newTrackLimit = MathF.Max(baseLimit, (float)_options.NewTrackCentroidDistance);
        for (int t = 0; t < _tracks.Count; t++)
        {
            if (_trackMatched[t]) continue;
            var track = _tracks[t];
            var predicted = track.PredictBox(FrameIndex);
            float scale = MathF.Sqrt(Math.Max(predicted.Area, 1f));
            float limit = track.Hits == 1 ? newTrackLimit : baseLimit;
            for (int d = 0; d < faces.Length; d++)
            {
                if (_assignments[d] is not null) continue;
                var box = faces[d].Box;
                float distance = MathF.Min(CentreDistance(box, predicted), CentreDistance(box, track.Box)) / scale;
                // Also require a similar size: a far smaller/larger face nearby is someone else.
                float sizeRatio = MathF.Sqrt(Math.Max(box.Area, 1f)) / scale;
                if (distance <= limit && sizeRatio is > 0.5f and < 2f)
                    _candidates.Add(new Candidate(t, d, distance));
            }
        }
        Assign(faces);
    }

    private static float CentreDistance(BoxF a, BoxF b)
    {
        float dx = FaceTrack.CentreX(a) - FaceTrack.CentreX(b);
        float dy = FaceTrack.CentreY(a) - FaceTrack.CentreY(b);
        return MathF.Sqrt(dx * dx + dy * dy);
    }

    private void Assign(ReadOnlySpan<RawFace> faces)
    {
        if (_candidates.Count == 0) return;
        _candidates.Sort(static (a, b) => a.Cost.CompareTo(b.Cost));
        float smoothing = (float)_options.VelocitySmoothing;
        foreach (var c in _candidates)
        {
            if (_trackMatched[c.Track] || _assignments[c.Face] is not null) continue;
            var track = _tracks[c.Track];
            track.Observe(faces[c.Face], FrameIndex, smoothing);
            if (track.Hits >= _options.ConfirmHits) track.IsConfirmed = true;
            _trackMatched[c.Track] = true;
            _assignments[c.Face] = track;
        }
    }

    private void EnsureCapacity(int faces, int tracks)
    {
        if (_assignments.Length < faces) _assignments = new FaceTrack?[Math.Max(faces, _assignments.Length * 2)];
        if (_trackMatched.Length < tracks) _trackMatched = new bool[Math.Max(tracks, _trackMatched.Length * 2)];
    }

    private readonly record struct Candidate(int Track, int Face, float Cost);
}
