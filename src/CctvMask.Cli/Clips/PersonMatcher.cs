using CctvMask.Grains.Tracking;
using CctvMask.Vision.Evaluation;
using CctvMask.Vision.Geometry;

namespace CctvMask.Cli.Clips;

/// <summary>
/// Matches a counted person to the ground-truth face they are: the face of the segment showing the track's last
/// analysed frame whose box overlaps the track's last box most, at IoU ≥ <see cref="MinIoU"/> (the looser of the
/// two face-recall thresholds <c>cctvmask eval</c> reports: small CCTV faces' boxes differ by a few pixels).
/// </summary>
public sealed class PersonMatcher
{
    /// <summary>Smallest overlap that makes a track that face.</summary>
    public const float MinIoU = 0.3f;

    private readonly IReadOnlyList<VideoSegment> _segments;
    private readonly Func<long, long> _clipFrameOf;
    private readonly float _scaleX;
    private readonly float _scaleY;

    /// <summary>A matcher for tracks over analysed frames of <paramref name="frameWidth"/>×<paramref name="frameHeight"/>.</summary>
    /// <param name="truth">The clip's ground truth (boxes in its own pixels).</param>
    /// <param name="clipFrameOf">Clip frame shown by an analysed frame.</param>
    /// <param name="frameWidth">Analysed frame width.</param>
    /// <param name="frameHeight">Analysed frame height.</param>
    public PersonMatcher(VideoGroundTruth truth, Func<long, long> clipFrameOf, int frameWidth, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(clipFrameOf);
        _segments = truth.Segments;
        _clipFrameOf = clipFrameOf;
        _scaleX = (float)frameWidth / truth.Width;
        _scaleY = (float)frameHeight / truth.Height;
    }

    /// <summary>The face the person is: (segment index, face index, its class), or null.</summary>
    public (int Segment, int Face, GroundTruthClass Class)? Match(in TrackedPerson person)
    {
        long frame = _clipFrameOf(person.LastFrame);
        for (int s = 0; s < _segments.Count; s++)
        {
            var segment = _segments[s];
            if (frame < segment.FirstFrame || frame > segment.LastFrame) continue;
            int best = -1;
            float bestIoU = MinIoU;
            for (int f = 0; f < segment.Faces.Count; f++)
            {
                var b = segment.Faces[f].Box;
                float iou = BoxF.IoU(person.LastBox, new BoxF(b.X * _scaleX, b.Y * _scaleY, b.Width * _scaleX, b.Height * _scaleY));
                if (iou >= bestIoU)
                {
                    bestIoU = iou;
                    best = f;
                }
            }
            return best < 0 ? null : (s, best, segment.Faces[best].Class);
        }
        return null;
    }

    /// <summary>The person's verdict against the face they match.</summary>
    public PersonOutcome Outcome(in TrackedPerson person) => OutcomeOf(person, Match(person));

    /// <summary>The person's verdict against <paramref name="match"/> (what <see cref="Match"/> found for them).</summary>
    public static PersonOutcome OutcomeOf(in TrackedPerson person, (int Segment, int Face, GroundTruthClass Class)? match)
    {
        if (match is not { } m) return PersonOutcome.NoTruthFace;
        if (person.Verdict == MaskVerdict.Unknown) return PersonOutcome.NoVerdict;
        return person.Verdict == VerdictOf(m.Class) ? PersonOutcome.Right : PersonOutcome.Wrong;
    }

    /// <summary>The verdict a face of this class should get.</summary>
    public static MaskVerdict VerdictOf(GroundTruthClass c) => c switch
    {
        GroundTruthClass.WithMask => MaskVerdict.Masked,
        GroundTruthClass.WithoutMask => MaskVerdict.Unmasked,
        _ => MaskVerdict.Incorrect,
    };
}
