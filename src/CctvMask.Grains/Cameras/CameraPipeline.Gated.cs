using CctvMask.Grains.Inference;
using CctvMask.Grains.Tracking;
using CctvMask.Grains.Violations;
using CctvMask.Video.Frames;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// What the motion gate's verdicts ask of a camera's pipeline (<see cref="Inference.CameraFeed.Gate"/>): a frame kept from
/// phase 1 holds the tracks in view and may still crop the ones never judged, at their last boxes; a scene cut ends
/// every track.
/// </summary>
internal sealed partial class CameraPipeline
{
    /// <summary>
    /// The index of the first track in view never judged (its first crop did not fit a frame's budget), or voted a violator
    /// on fewer views than a violation needs (<see cref="JudgementPolicy.ShortOfViolationVotes"/>), that
    /// <see cref="JudgementPolicy"/> would judge, or -1: a frame the motion gate skips can still serve it, since nothing
    /// moved since the boxes were found. Stops at the first hit; <see cref="RequestUnjudged"/> resumes from it.
    /// </summary>
    public int FirstUnjudged(IFaceModels models, DateTimeOffset now)
    {
        lock (_gate) return NextUnjudged(0, models, now);
    }

    /// <summary>
    /// For a frame the motion gate skipped: appends crop requests (at most <paramref name="maxCrops"/>) for the tracks
    /// in view that were never judged (or are short of a violation's views) and that <see cref="JudgementPolicy"/> would judge, at their boxes of the last analysed
    /// frame, scanning from <paramref name="from"/> (what <see cref="FirstUnjudged"/> found this round: the faces before it
    /// were no candidates, and only <see cref="Track"/> or <see cref="Skip"/>, which come later, can make one), likeliest to be
    /// lost first (<see cref="CropPriority"/>). Returns the requests added.
    /// </summary>
    public int RequestUnjudged(int frameSlot, int from, IFaceModels models, DateTimeOffset now, int maxCrops, List<CropRequest> requests)
    {
        lock (_gate)
        {
            _selection.Reset(maxCrops);
            for (int i = from < 0 ? -1 : NextUnjudged(from, models, now); i >= 0; i = NextUnjudged(i + 1, models, now))
                _selection.Offer(Candidate(i, _tracker.Assignments[i]!));
            var chosen = _selection.Chosen();
            foreach (ref readonly var c in chosen)
                requests.Add(new CropRequest(frameSlot, c.Track, _faces[c.Index]));
            return chosen.Length;
        }
    }

    // Under _gate: the first face from `from` on whose track is in view, never judged (or a violator short of the views a
    // violation needs: the scene may change before phase 1 runs again), and wanted by the policy.
    private int NextUnjudged(int from, IFaceModels models, DateTimeOffset now)
    {
        var assignments = _tracker.Assignments;
        for (int i = from; i < _faceCount && i < assignments.Length; i++)
        {
            if (assignments[i] is { MissedFrames: 0 } track
                && (track.LastJudgedAt is null || JudgementPolicy.ShortOfViolationVotes(track, _trackerOptions, _violationVotes))
                && JudgementPolicy.ShouldJudge(track, _faces[i], models.IsTooSmall(_faces[i]), now, _trackerOptions, _violationVotes)) return i;
        }
        return -1;
    }

    /// <summary>
    /// A frame the motion gate kept from phase 1: tracks stay as they are; violations their verdicts now call for are
    /// raised on it; the live view may refresh. Disposes it.
    /// </summary>
    public void Skip(PooledFrame frame, DateTimeOffset now)
    {
        using (frame)
        {
            lock (_gate)
            {
                CloseBucketIfDue(now);
                // Nothing moved since the last analysed frame: its faces are still in view, so their tracks
                // gain a hit (a person standing still gets confirmed) and count in this minute. A verdict reached in a
                // skipped round raises its violation here, on this frame of the same scene: waiting for the next
                // analysed frame lost it whenever the track ended first (a scene cut, the person gone).
                _toRaise.Clear();
                var assignments = _tracker.Assignments;
                foreach (var track in assignments)
                {
                    if (track is null || track.MissedFrames != 0) continue;
                    track.Hold(_trackerOptions.ConfirmHits);
                    _compliance.Observe(track, now);
                    if (_policy.ShouldRaise(track, now)) _toRaise.Add(track);
                }
                if (_toRaise.Count > 0)
                {
                    _evidence.BuildDisplay(_faces.AsSpan(0, _faceCount), assignments);
                    _evidence.RaiseViolations(frame.AsBgrFrame(), _toRaise, assignments, _allFaces.AsSpan(0, _allFaceCount), now);
                }
                int inView = 0;
                foreach (var track in _tracker.Tracks) if (track.IsConfirmed && track.MissedFrames == 0) inView++;
                PeopleInView = inView;
                PeopleThisMinute = _compliance.CurrentPeople;
                if (LiveFrameDue(now)) UpdateLiveFrame(frame.AsBgrFrame(), now);
            }
        }
    }

    /// <summary>
    /// The view was replaced (<see cref="MotionGate.IsSceneCut"/>): every track ends now, counted as it stands, so the next
    /// frame's faces open new tracks instead of inheriting the votes of whoever stood there before. The violation cooldown's
    /// re-identification (<see cref="ViolationPolicy"/>: near the old box, within seconds) still spans the cut: a PTZ tour or
    /// a sequencer comes back to the same scene, and its violator should not be alerted again each time round.
    /// </summary>
    public void SceneCut(DateTimeOffset now)
    {
        lock (_gate)
        {
            _tracker.EndAll();
            EndTracks(now);
            SceneCuts++;
            _metrics?.SceneCut(_cameraId);
        }
    }

    /// <summary>Scene cuts seen so far.</summary>
    public long SceneCuts { get; private set; }
}
