using System.Text.Json.Serialization;

namespace CctvMask.Vision.Evaluation;

/// <summary>Per-class AP50 (percent).</summary>
public sealed record ClassApReport(
    [property: JsonPropertyName("with_mask")] double? WithMask,
    [property: JsonPropertyName("without_mask")] double? WithoutMask);
