using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;

namespace CctvMask.Grains.Tracking;

/// <summary>
/// One person followed across frames by <see cref="FaceTracker"/>: last box, constant-velocity
/// motion estimate, hit/miss counts, the mask votes of the frames it was judged on (phase 2 runs only
/// when <see cref="JudgementPolicy"/> asks) and the crop of its best judged view (the evidence).
/// </summary>
public sealed class FaceTrack
{
    private readonly int _minJudgedVotes;
    private float _unmaskedProbabilitySum;
    private float _incorrectProbabilitySum;
    private float _bestViewScore = -1;

    internal FaceTrack(long id, in RawFace face, long frameIndex, int minJudgedVotes)
    {
        Id = id;
        _minJudgedVotes = minJudgedVotes;
        Box = face.Box;
        FirstFrame = frameIndex;
        LastSeenFrame = frameIndex;
        Hits = 1;
        LastFace = face;
    }

    /// <summary>Track id, unique per tracker (per camera run).</summary>
    public long Id { get; }

    /// <summary>The last observed face box.</summary>
    public BoxF Box { get; private set; }

    /// <summary>The last observed face.</summary>
    public RawFace LastFace { get; private set; }

    /// <summary>Estimated motion of the box centre, pixels per frame.</summary>
    public float VelocityX { get; private set; }

    /// <summary>Estimated motion of the box centre, pixels per frame.</summary>
    public float VelocityY { get; private set; }

    /// <summary>Frames in which the track was detected.</summary>
    public int Hits { get; private set; }

    /// <summary>Consecutive frames without a detection.</summary>
    public int MissedFrames { get; private set; }

    /// <summary>True once the track had enough hits to count as a person.</summary>
    public bool IsConfirmed { get; internal set; }

    /// <summary>Tracker frame index of the first detection.</summary>
    public long FirstFrame { get; }

    /// <summary>Tracker frame index of the last detection.</summary>
    public long LastSeenFrame { get; private set; }

    /// <summary>Judgements (phase-2 runs) of this track so far, whatever their label.</summary>
    public int Judgements { get; private set; }

    /// <summary>When the track was last judged (null before its first judgement).</summary>
    public DateTimeOffset? LastJudgedAt { get; private set; }

    /// <summary>Long side (px) of the largest face the track was judged on (0 before the first).</summary>
    public float BestJudgedSide { get; private set; }

    /// <summary>Judgements voting with_mask.</summary>
    public int MaskedVotes { get; private set; }

    /// <summary>Judgements voting without_mask.</summary>
    public int UnmaskedVotes { get; private set; }

    /// <summary>Judgements voting mask_incorrect.</summary>
    public int IncorrectVotes { get; private set; }

    /// <summary>Judgements that decided a class (with, without or incorrect): what the verdict is voted over.</summary>
    public int DecidedVotes => MaskedVotes + UnmaskedVotes + IncorrectVotes;

    /// <summary>Votes of the leading class minus those of the runner-up (how settled the verdict is).</summary>
    public int VoteMargin
    {
        get
        {
            int top = Math.Max(MaskedVotes, Math.Max(UnmaskedVotes, IncorrectVotes));
            int second = MaskedVotes + UnmaskedVotes + IncorrectVotes - top - Math.Min(MaskedVotes, Math.Min(UnmaskedVotes, IncorrectVotes));
            return top - second;
        }
    }

    /// <summary>Mean p(mask_incorrect) over the judgements that voted mask_incorrect (0 when none).</summary>
    public float IncorrectConfidence => IncorrectVotes == 0 ? 0f : _incorrectProbabilitySum / IncorrectVotes;

    /// <summary>Judgements the classifier could not decide (ignored in the verdict).</summary>
    public int UnknownVotes { get; private set; }

    /// <summary>Mean p(without_mask) over the judgements that voted without_mask (0 when none).</summary>
    public float UnmaskedConfidence => UnmaskedVotes == 0 ? 0f : _unmaskedProbabilitySum / UnmaskedVotes;

    /// <summary>The BGR crop (side <see cref="BestCropSize"/>) of the best judged view, or null.</summary>
    public byte[]? BestCrop { get; private set; }

    /// <summary>Side of <see cref="BestCrop"/> in pixels.</summary>
    public int BestCropSize { get; private set; }

    /// <summary>
    /// Plurality of the decided votes (with, without, incorrect); Unknown until
    /// <see cref="TrackerOptions.MinJudgedVotes"/> decided votes exist, and on a tie for the lead.
    /// </summary>
    public MaskVerdict Verdict
    {
        get
        {
            if (DecidedVotes < _minJudgedVotes || VoteMargin == 0)
                return MaskVerdict.Unknown;
            if (MaskedVotes > UnmaskedVotes && MaskedVotes > IncorrectVotes) return MaskVerdict.Masked;
            return UnmaskedVotes > IncorrectVotes ? MaskVerdict.Unmasked : MaskVerdict.Incorrect;
        }
    }

    /// <summary>The decided votes for one verdict (0 for <see cref="MaskVerdict.Unknown"/>).</summary>
    public int VotesFor(MaskVerdict verdict) => verdict switch
    {
        MaskVerdict.Masked => MaskedVotes,
        MaskVerdict.Unmasked => UnmaskedVotes,
        MaskVerdict.Incorrect => IncorrectVotes,
        _ => 0,
    };

    /// <summary>The box moved along the velocity estimate to the given frame.</summary>
    public BoxF PredictBox(long frameIndex)
    {
        float steps = frameIndex - LastSeenFrame;
        return new BoxF(Box.X + VelocityX * steps, Box.Y + VelocityY * steps, Box.Width, Box.Height);
    }

    /// <summary>
    /// Records phase 2's verdict on the track's face of this frame. The crop becomes the evidence when
    /// this view is the best judged so far (detector score × area).
    /// </summary>
    public void RecordJudgement(in DetectedFace judged, ReadOnlySpan<byte> cropBgr, int cropSize, DateTimeOffset now)
    {
        Judgements++;
        LastJudgedAt = now;
        BestJudgedSide = MathF.Max(BestJudgedSide, judged.Box.LongSide);
        switch (judged.Label)
        {
            case FaceLabel.WithMask:
                MaskedVotes++;
                break;
            case FaceLabel.WithoutMask:
                UnmaskedVotes++;
                // MaskProbability is p(with_mask); NaN would poison the mean.
                if (!float.IsNaN(judged.MaskProbability))
                    _unmaskedProbabilitySum += 1f - judged.MaskProbability;
                break;
            case FaceLabel.Incorrect:
                IncorrectVotes++;
                if (!float.IsNaN(judged.IncorrectProbability))
                    _incorrectProbabilitySum += judged.IncorrectProbability;
                break;
            default:
                UnknownVotes++;
                break;
        }
        float viewScore = judged.Score * judged.Box.Area;
        int bytes = cropSize * cropSize * 3;
        if (viewScore <= _bestViewScore || cropBgr.Length < bytes) return;
        _bestViewScore = viewScore;
        // One buffer per track, allocated on its first judged view only.
        if (BestCrop is null || BestCrop.Length != bytes) BestCrop = new byte[bytes];
        cropBgr[..bytes].CopyTo(BestCrop);
        BestCropSize = cropSize;
    }

    internal void Observe(in RawFace face, long frameIndex, float smoothing)
    {
        float steps = Math.Max(1, frameIndex - LastSeenFrame);
        float dx = (CentreX(face.Box) - CentreX(Box)) / steps;
        float dy = (CentreY(face.Box) - CentreY(Box)) / steps;
        // The first displacement is the only velocity evidence a young track has: take it whole.
        float alpha = Hits == 1 ? 1f : smoothing;
        VelocityX = alpha * dx + (1 - alpha) * VelocityX;
        VelocityY = alpha * dy + (1 - alpha) * VelocityY;
        Box = face.Box;
        LastFace = face;
        LastSeenFrame = frameIndex;
        MissedFrames = 0;
        Hits++;
    }

    internal void Miss() => MissedFrames++;

    // A frame the motion gate skipped shows the same scene: the face is still there (one more hit).
    internal void Hold(int confirmHits)
    {
        Hits++;
        if (Hits >= confirmHits) IsConfirmed = true;
    }

    internal static float CentreX(BoxF b) => b.X + b.Width * 0.5f;

    internal static float CentreY(BoxF b) => b.Y + b.Height * 0.5f;
}
