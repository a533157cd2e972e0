using System.Text.Json.Serialization;
using CctvMask.Cli.Clips;

namespace CctvMask.Cli.Eval;

/// <summary>
/// Track-level figures of one clip: what the product counts through its own camera path, judging the faces
/// <c>JudgementPolicy</c> asks for (<see cref="TrackAware"/>) and judging every face of every frame
/// (<see cref="PerFrame"/>, the v1 way), against who the clip shows.
/// </summary>
/// <param name="Clip">The frames analysed (file, count, rate, size).</param>
/// <param name="Detector">The detector settings.</param>
/// <param name="Truth">Who the clip shows.</param>
/// <param name="TrackAware">The product's counts with track-aware phase 2.</param>
/// <param name="PerFrame">The counts with per-frame classification.</param>
/// <param name="TrackAwarePeople">Track-aware verdicts person by person against the ground truth (null without one).</param>
/// <param name="PerFramePeople">Per-frame verdicts person by person against the ground truth (null without one).</param>
/// <param name="Differences">The people the two modes gave different verdicts, with the votes behind them.</param>
public sealed record TrackReport(
    [property: JsonPropertyName("clip")] string Clip,
    [property: JsonPropertyName("detector")] string Detector,
    [property: JsonPropertyName("truth")] PeopleTruth Truth,
    [property: JsonPropertyName("track_aware")] ClipCounts TrackAware,
    [property: JsonPropertyName("per_frame")] ClipCounts PerFrame,
    [property: JsonPropertyName("track_aware_people")] PeopleAccuracy? TrackAwarePeople,
    [property: JsonPropertyName("per_frame_people")] PeopleAccuracy? PerFramePeople,
    [property: JsonPropertyName("differences")] IReadOnlyList<PersonDifference> Differences)
{
    /// <summary>Per-frame crops ÷ track-aware crops on the same frames (the issue asks ≥ 5); null without crops.</summary>
    [JsonPropertyName("per_frame_vs_track_aware_crops")]
    public double? CropsRatio => TrackAware.Crops == 0 ? null : (double)PerFrame.Crops / TrackAware.Crops;
}
