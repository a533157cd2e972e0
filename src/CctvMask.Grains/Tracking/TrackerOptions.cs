using System.ComponentModel.DataAnnotations;

namespace CctvMask.Grains.Tracking;

/// <summary>Per-camera face tracker settings (config section <c>Cctv:Tracking</c>).</summary>
public sealed class TrackerOptions : IValidatableObject
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Cctv:Tracking";

    /// <summary>Minimum IoU between a track's predicted box and a detection to associate them.</summary>
    [Range(0.01, 1.0)]
    public double IouThreshold { get; set; } = 0.2;

    /// <summary>
    /// Fallback association when no box overlaps: centroid distance, in units of the track's box
    /// size (sqrt of its area), from the predicted or the last seen box, below which a detection still joins
    /// the track (fast movers, tiny faces). 0 turns the fallback off.
    /// </summary>
    [Range(0.0, 10.0)]
    public double MaxCentroidDistance { get; set; } = 1.0;

    /// <summary>
    /// Centroid gate, in box sizes, of a track detected only once: it has no velocity yet, and a small face walking
    /// across the view at 5 analysed frames per second moves more than its own size between frames. Never below
    /// <see cref="MaxCentroidDistance"/> (the larger of the two applies); off with it when that is 0.
    /// </summary>
    [Range(0.0, 10.0)]
    public double NewTrackCentroidDistance { get; set; } = 2.0;

    /// <summary>A track survives this many consecutive frames without a detection; the next miss ends it.</summary>
    [Range(0, 1000)]
    public int MaxMissedFrames { get; set; } = 10;

    /// <summary>Detections needed before a track counts as a person (filters one-frame false positives).</summary>
    [Range(1, 100)]
    public int ConfirmHits { get; set; } = 3;

    /// <summary>
    /// Judged (with/without mask) frames a track needs before it gets a mask verdict. Default 1: a second vote on the
    /// next frame sees nearly the same view (on the crowd clip the classifier's probability repeats to two decimals), so it
    /// adds no evidence but doubles the weight of the first view against each re-check. Measured with
    /// <c>cctvmask eval --video</c> (5 fps, 640×360, pass off, 2026-12-04): with 2, track-aware masked share 0.736 / 0.705
    /// on crowd360 / crowd720 against per-frame 0.741 / 0.714 (truth 0.792): the tracks that differed were all tracks
    /// carried across a change of person (two people, one vote each way in per-frame, first person twice in
    /// track-aware). With 1 (and judging from confirmation, one early judgement, <see cref="ConfidentMargin"/> 2): 0.741 / 0.714, the same as per-frame, at 2.25 / 2.29 crops
    /// per analysed frame instead of 4.36 / 4.44.
    /// </summary>
    [Range(1, 100)]
    public int MinJudgedVotes { get; set; } = 1;

    /// <summary>Weight of the newest displacement in the constant-velocity estimate (1 = no smoothing).</summary>
    [Range(0.0, 1.0)]
    public double VelocitySmoothing { get; set; } = 0.5;

    /// <summary>Upper bound on live tracks per camera, so a flood of false detections cannot grow memory.</summary>
    [Range(1, 10_000)]
    public int MaxTracks { get; set; } = 512;

    /// <summary>
    /// A young track is judged on every frame until it has <see cref="MinJudgedVotes"/> judged votes, but
    /// at most this many times (a face the classifier cannot decide then falls back to <see cref="RecheckSeconds"/>
    /// or a <see cref="BetterViewFactor"/> larger view). Default 1 (= <see cref="MinJudgedVotes"/>): re-judging an undecided
    /// face on the next frame judges the same view again (on crowd360 every such track stayed undecided for all 4 tries);
    /// 4 cost 0.3 crops per analysed frame on the crowd clips (2.60 vs 2.30) for the same counts. Never below
    /// <see cref="MinJudgedVotes"/> (checked): a young track would wait a whole re-check for its verdict.
    /// </summary>
    [Range(1, 100)]
    public int MaxEarlyJudgements { get; set; } = 1;

    /// <summary>
    /// Judge tracks before they are confirmed (<see cref="ConfirmHits"/>), from the first frame that shows them.
    /// Default true: a tentative track is not a person yet (not counted, no violation; its verdict waits for
    /// confirmation), but the first view is as good as any and, on a photo or a short appearance, it is the one
    /// per-frame classification has too. Judging from confirmation instead saved crops on false detections (street clip
    /// 0.30 → 0.18 crops per analysed frame) but left crowd720's track 66 undecided: its only decided view was the
    /// first frame (p 0.616 against <c>MinConfidence</c> 0.6), 0.57–0.59 after, so per-frame judged it masked
    /// (<c>cctvmask eval --video</c>, 2026-12-05: with this and <c>MaxCropsPerFrame</c> 24 every person of the three clips
    /// gets the per-frame verdict; crowd clips 2.40 / 2.44 crops per analysed frame either way).
    /// </summary>
    public bool JudgeTentativeTracks { get; set; } = true;

    /// <summary>A face this many times larger (long side) than the track's best judged view is judged again.</summary>
    [Range(1.0, 10.0)]
    public double BetterViewFactor { get; set; } = 1.25;

    /// <summary>Re-check interval of a track whose verdict is not yet confident (s); a mask put on or taken off is seen.</summary>
    [Range(0.1, 3600.0)]
    public double RecheckSeconds { get; set; } = 2;

    /// <summary>
    /// Re-check interval (s) of a track short of the <see cref="MinJudgedVotes"/> decided votes a verdict needs (by default:
    /// the classifier was unsure of every view so far): it is a person counted without a verdict, so it is looked at again
    /// sooner than a decided one. Default 1 (half <see cref="RecheckSeconds"/>); never above <see cref="RecheckSeconds"/>
    /// (the shorter of the two applies, so a shorter re-check set alone still covers undecided tracks). Under the per-frame crop budget a
    /// first judgement can land a few frames later than without it, on a view the classifier happens not to decide: on
    /// crowd720 (<c>cctvmask eval --video</c>, budget 12, 2026-12-04) one unmasked person was judged undecided 2 frames after
    /// confirmation and its photo was gone by the 2 s re-check (39 unmasked people vs per-frame 40); with 1 s every track of
    /// both crowd clips gets the per-frame verdict, at 2.35 / 2.39 crops per analysed frame instead of 2.25 / 2.29
    /// (<c>cctvmask bench --video</c> crowd360: 2.29 instead of 2.19); a face the classifier never decides costs one crop a
    /// second instead of one every two.
    /// </summary>
    [Range(0.1, 3600.0)]
    public double UndecidedRecheckSeconds { get; set; } = 1;

    /// <summary>
    /// A verdict is confident when the votes of the leading class exceed the runner-up's by at least this much.
    /// Default 2: the first vote and one agreeing re-check (two views <see cref="RecheckSeconds"/> apart). 3 judged the
    /// crowd clips 0.05 crops per analysed frame more for the same counts; 1 (one view is confident) re-checks only every
    /// <see cref="ConfidentRecheckSeconds"/> and missed changes of person (crowd360 masked share 0.739 vs per-frame 0.741).
    /// </summary>
    [Range(1, 100)]
    public int ConfidentMargin { get; set; } = 2;

    /// <summary>Re-check interval of a confident track (s); 0 = never re-judge a confident track.</summary>
    [Range(0.0, 3600.0)]
    public double ConfidentRecheckSeconds { get; set; } = 10;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxEarlyJudgements < MinJudgedVotes)
        {
            yield return new ValidationResult(
                $"MaxEarlyJudgements ({MaxEarlyJudgements}) must be at least MinJudgedVotes ({MinJudgedVotes}): a young track would wait a re-check for its verdict",
                [nameof(MaxEarlyJudgements), nameof(MinJudgedVotes)]);
        }
    }
}
