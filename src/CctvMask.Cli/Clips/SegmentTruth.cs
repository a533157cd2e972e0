using System.Text.Json.Serialization;

namespace CctvMask.Cli.Clips;

/// <summary>The people of one ground-truth segment (one image's faces; every segment shows other people).</summary>
/// <param name="FirstFrame">First clip frame of the segment.</param>
/// <param name="LastFrame">Last clip frame (inclusive).</param>
/// <param name="People">Faces it shows: one person each.</param>
/// <param name="Masked">Labelled with_mask.</param>
/// <param name="Unmasked">Labelled without_mask.</param>
/// <param name="Incorrect">Labelled mask_weared_incorrect (people, but neither masked nor unmasked: not assessable).</param>
public sealed record SegmentTruth(
    [property: JsonPropertyName("first_frame")] int FirstFrame,
    [property: JsonPropertyName("last_frame")] int LastFrame,
    [property: JsonPropertyName("people")] int People,
    [property: JsonPropertyName("masked")] int Masked,
    [property: JsonPropertyName("unmasked")] int Unmasked,
    [property: JsonPropertyName("incorrect")] int Incorrect);
