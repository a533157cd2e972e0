using CctvMask.Vision.FaceDetection;

namespace CctvMask.Grains.Tracking;

/// <summary>
/// Which tracked faces phase 2 classifies this frame (pure: the track, its face now, the clock).
/// The person is the unit of work: a face is judged when that can change what we know of the person —
/// a newly confirmed track, a young track still short of votes, a person voted a violator on fewer views than a violation
/// needs, a clearly larger view than any judged so far, or a
/// periodic re-check so a mask put on or taken off is seen (sooner while the track has no verdict,
/// <see cref="TrackerOptions.UndecidedRecheckSeconds"/>; slower once the verdict is confident).
/// Which of the faces asking get a crop when a frame's budget is short is <see cref="LossRisk"/>'s order.
/// <para>A tentative track (fewer than <see cref="TrackerOptions.ConfirmHits"/> detections) is judged from its first frame
/// (<see cref="TrackerOptions.JudgeTentativeTracks"/>, default): it is neither counted nor raises a violation until it
/// confirms, but its first view is often its best decided one (a photo, a person glimpsed). Turned off, its first
/// judgement comes on the frame that confirms it, before that frame is counted.</para>
/// </summary>
public static class JudgementPolicy
{
    /// <summary>True when the track's face of this frame should be cropped and classified.</summary>
    /// <param name="track">The track the face was assigned to (after <see cref="FaceTracker.Update"/>).</param>
    /// <param name="face">Its face in this frame.</param>
    /// <param name="tooSmall">The face is below the classifier's minimum size (never worth a crop).</param>
    /// <param name="now">The frame's time.</param>
    /// <param name="options">Tracker options (re-check intervals, margins).</param>
    /// <param name="violationVotes">Views a violating verdict needs before it raises (<c>Cctv:Violations:MinVotes</c>).</param>
    public static bool ShouldJudge(FaceTrack track, in RawFace face, bool tooSmall, DateTimeOffset now, TrackerOptions options,
        int violationVotes)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(options);
        if (tooSmall || (!track.IsConfirmed && !options.JudgeTentativeTracks)) return false;
        if (track.LastJudgedAt is not { } last) return true;
        if (track.DecidedVotes < options.MinJudgedVotes && track.Judgements < options.MaxEarlyJudgements)
            return true;
        if (ShortOfViolationVotes(track, options, violationVotes)) return true;
        if (face.Box.LongSide >= track.BestJudgedSide * options.BetterViewFactor) return true;
        bool confident = track.VoteMargin >= options.ConfidentMargin;
        double interval = confident ? options.ConfidentRecheckSeconds
            : track.DecidedVotes < options.MinJudgedVotes ? Math.Min(options.UndecidedRecheckSeconds, options.RecheckSeconds)
            : options.RecheckSeconds;
        return interval > 0 && (now - last).TotalSeconds >= interval;
    }

    /// <summary>
    /// A confirmed person voted unmasked (or mask_incorrect) on fewer views than a violation needs: looked at again on the
    /// next frames, skipped ones included (at most <paramref name="violationVotes"/> more times, then the re-checks), so one
    /// view raises nothing and a real violator raises a frame later.
    /// </summary>
    public static bool ShortOfViolationVotes(FaceTrack track, TrackerOptions options, int violationVotes)
    {
        ArgumentNullException.ThrowIfNull(track);
        ArgumentNullException.ThrowIfNull(options);
        return track.IsConfirmed && track.Verdict is MaskVerdict.Unmasked or MaskVerdict.Incorrect
            && track.VotesFor(track.Verdict) < violationVotes && track.Judgements < options.MaxEarlyJudgements + violationVotes;
    }

    /// <summary>
    /// How likely a track's face is to be gone before the next analysed frame: the order in which the per-frame crop
    /// budget serves tracks never judged (highest first). A track lost before its first judgement is a person counted
    /// without a verdict, while a deferred track that stays in view loses nothing, so the budget goes to the faces the
    /// detector is about to drop: a face moving out of the frame (its predicted next box crosses the border) has no later
    /// frame at all; otherwise the lower its detector score, the sooner noise takes it below the score threshold.
    /// Measured (<c>cctvmask eval --video</c>, crowd clips, budget 12): served in detector order (highest score first), the
    /// 83 people of the first photo waited up to 6 frames, and the two unmasked people the budget never judged (one per clip)
    /// were at score 0.50, the threshold, and lost 2 frames after confirmation; in this order both are judged first (and,
    /// with <see cref="TrackerOptions.UndecidedRecheckSeconds"/>, every track gets the verdict per-frame classification gives it).
    /// </summary>
    /// <param name="track">The track (after <see cref="FaceTracker.Update"/> with this frame).</param>
    /// <param name="face">Its face in this frame.</param>
    /// <param name="frameWidth">Frame width (pixels).</param>
    /// <param name="frameHeight">Frame height (pixels).</param>
    /// <returns>1 − score, plus 1 for a face leaving the frame (so it outranks any score).</returns>
    public static float LossRisk(FaceTrack track, in RawFace face, int frameWidth, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(track);
        // A score that is not a number is no evidence the face will stay: the highest risk a score can give.
        float risk = float.IsNaN(face.Score) ? 1f : 1f - Math.Clamp(face.Score, 0f, 1f);
        var next = track.PredictBox(track.LastSeenFrame + 1);
        bool leaving = (track.VelocityX < 0 && next.X < 0) || (track.VelocityX > 0 && next.Right > frameWidth)
            || (track.VelocityY < 0 && next.Y < 0) || (track.VelocityY > 0 && next.Bottom > frameHeight);
        return leaving ? risk + 1f : risk;
    }
}
