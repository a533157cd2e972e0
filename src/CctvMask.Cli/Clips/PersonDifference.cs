using System.Text.Json.Serialization;

namespace CctvMask.Cli.Clips;

/// <summary>
/// A person the two judgement modes counted with different verdicts (the same track in both: tracking does not depend
/// on phase 2), with the votes behind each verdict: where track-aware phase 2 gains or loses against per-frame classification.
/// </summary>
/// <param name="Track">Track id.</param>
/// <param name="Truth">The matched face's class (<c>with_mask</c>, <c>without_mask</c>, <c>mask_incorrect</c>), or null.</param>
/// <param name="TrackAware">The person in the track-aware run (frames are analysed frames).</param>
/// <param name="PerFrame">The person in the per-frame run.</param>
public sealed record PersonDifference(
    [property: JsonPropertyName("track")] long Track,
    [property: JsonPropertyName("truth")] string? Truth,
    [property: JsonPropertyName("track_aware")] TrackedPerson TrackAware,
    [property: JsonPropertyName("per_frame")] TrackedPerson PerFrame);
