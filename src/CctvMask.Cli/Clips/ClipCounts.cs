using System.Text.Json.Serialization;

namespace CctvMask.Cli.Clips;

/// <summary>What the production camera path counted over a clip, and the work it did.</summary>
/// <param name="People">People counted (confirmed tracks, once per minute bucket: the product's count).</param>
/// <param name="Masked">Of them, with a masked verdict.</param>
/// <param name="Unmasked">Of them, with an unmasked verdict.</param>
/// <param name="Unknown">Of them, without a verdict (too few judged votes, a tie, or too small).</param>
/// <param name="Violations">Violations raised.</param>
/// <param name="Frames">Frames analysed.</param>
/// <param name="Faces">Phase-1 faces over those frames.</param>
/// <param name="Crops">Phase-2 crops over those frames.</param>
public sealed record ClipCounts(
    [property: JsonPropertyName("people")] long People,
    [property: JsonPropertyName("masked")] long Masked,
    [property: JsonPropertyName("unmasked")] long Unmasked,
    [property: JsonPropertyName("unknown")] long Unknown,
    [property: JsonPropertyName("violations")] long Violations,
    [property: JsonPropertyName("frames")] long Frames,
    [property: JsonPropertyName("faces")] long Faces,
    [property: JsonPropertyName("crops")] long Crops)
{
    /// <summary>Masked ÷ assessable people (masked + unmasked), the product's compliance; null when nobody is assessable.</summary>
    [JsonPropertyName("masked_share")]
    public double? MaskedShare => Masked + Unmasked == 0 ? null : (double)Masked / (Masked + Unmasked);

    /// <summary>Phase-2 crops per analysed frame.</summary>
    [JsonPropertyName("crops_per_frame")]
    public double CropsPerFrame => Frames == 0 ? 0 : (double)Crops / Frames;
}
