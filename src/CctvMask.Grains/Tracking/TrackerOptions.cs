using System.ComponentModel.DataAnnotations;

namespace CctvMask.Grains.Tracking;

/// <summary>Per-camera face tracker settings (config section <c>Cctv:Tracking</c>).</summary>
public sealed class TrackerOptions
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

    /// <summary>Judged (with/without mask) frames a track needs before it gets a mask verdict.</summary>
    [Range(1, 100)]
    public int MinJudgedVotes { get; set; } = 2;

    /// <summary>Weight of the newest displacement in the constant-velocity estimate (1 = no smoothing).</summary>
    [Range(0.0, 1.0)]
    public double VelocitySmoothing { get; set; } = 0.5;

    /// <summary>Upper bound on live tracks per camera, so a flood of false detections cannot grow memory.</summary>
    [Range(1, 10_000)]
    public int MaxTracks { get; set; } = 512;

    /// <summary>
    /// A young track is judged on every frame until it has <see cref="MinJudgedVotes"/> judged votes, but
    /// at most this many times (a face the classifier cannot decide then falls back to <see cref="RecheckSeconds"/>).
    /// </summary>
    [Range(1, 100)]
    public int MaxEarlyJudgements { get; set; } = 4;

    /// <summary>A face this many times larger (long side) than the track's best judged view is judged again.</summary>
    [Range(1.0, 10.0)]
    public double BetterViewFactor { get; set; } = 1.25;

    /// <summary>Re-check interval of a track whose verdict is not yet confident (s); a mask put on or taken off is seen.</summary>
    [Range(0.1, 3600.0)]
    public double RecheckSeconds { get; set; } = 2;

    /// <summary>A verdict is confident when the masked and unmasked votes differ by at least this much.</summary>
    [Range(1, 100)]
    public int ConfidentMargin { get; set; } = 3;

    /// <summary>Re-check interval of a confident track (s); 0 = never re-judge a confident track.</summary>
    [Range(0.0, 3600.0)]
    public double ConfidentRecheckSeconds { get; set; } = 10;
}
