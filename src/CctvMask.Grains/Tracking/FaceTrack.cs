using CctvMask.Vision.Detection;
using CctvMask.Vision.Geometry;

namespace CctvMask.Grains.Tracking;

/// <summary>
/// One person followed across frames by <see cref="FaceTracker"/>: last box, constant-velocity
/// motion estimate, hit/miss counts and the mask votes of its frames.
/// </summary>
public sealed class FaceTrack
{
    private readonly int _minJudgedVotes;

    internal FaceTrack(long id, in DetectedFace face, long frameIndex, int minJudgedVotes)
    {
        Id = id;
        _minJudgedVotes = minJudgedVotes;
        Box = face.Box;
        FirstFrame = frameIndex;
        LastSeenFrame = frameIndex;
        Hits = 1;
        LastFace = face;
        Vote(face);
    }

    /// <summary>Track id, unique per tracker (per camera run).</summary>
    public long Id { get; }

    /// <summary>The last observed face box.</summary>
    public BoxF Box { get; private set; }

    /// <summary>The last observed face.</summary>
    public DetectedFace LastFace { get; private set; }

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

    /// <summary>Frames voting with_mask.</summary>
    public int MaskedVotes { get; private set; }

    /// <summary>Frames voting without_mask.</summary>
    public int UnmaskedVotes { get; private set; }

    /// <summary>Frames the classifier could not judge (ignored in the verdict).</summary>
    public int UnknownVotes { get; private set; }

    /// <summary>Mean p(without_mask) over the frames that voted without_mask (0 when none).</summary>
    public float UnmaskedConfidence => UnmaskedVotes == 0 ? 0f : _unmaskedProbabilitySum / UnmaskedVotes;

    /// <summary>
    /// Majority of the judged frames; Unknown until <see cref="TrackerOptions.MinJudgedVotes"/>
    /// judged frames exist, and on a tie.
    /// </summary>
    public MaskVerdict Verdict
    {
        get
        {
            if (MaskedVotes + UnmaskedVotes < _minJudgedVotes || MaskedVotes == UnmaskedVotes)
                return MaskVerdict.Unknown;
            return MaskedVotes > UnmaskedVotes ? MaskVerdict.Masked : MaskVerdict.Unmasked;
        }
    }

    private float _unmaskedProbabilitySum;

    /// <summary>The box moved along the velocity estimate to the given frame.</summary>
    public BoxF PredictBox(long frameIndex)
    {
        float steps = frameIndex - LastSeenFrame;
        return new BoxF(Box.X + VelocityX * steps, Box.Y + VelocityY * steps, Box.Width, Box.Height);
    }

    internal void Observe(in DetectedFace face, long frameIndex, float smoothing)
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
        Vote(face);
    }

    internal void Miss() => MissedFrames++;

    private void Vote(in DetectedFace face)
    {
        switch (face.Label)
        {
            case FaceLabel.WithMask:
                MaskedVotes++;
                break;
            case FaceLabel.WithoutMask:
                UnmaskedVotes++;
                // MaskProbability is p(with_mask); NaN would poison the mean.
                if (!float.IsNaN(face.MaskProbability))
                    _unmaskedProbabilitySum += 1f - face.MaskProbability;
                break;
            default:
                UnknownVotes++;
                break;
        }
    }

    internal static float CentreX(BoxF b) => b.X + b.Width * 0.5f;

    internal static float CentreY(BoxF b) => b.Y + b.Height * 0.5f;
}
