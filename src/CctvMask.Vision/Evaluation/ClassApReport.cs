using System.Text.Json.Serialization;

namespace CctvMask.Vision.Evaluation;

/// <summary>
/// Per-class AP50 (percent). with_mask / without_mask: two-class definition (incorrect boxes ignored);
/// mask_incorrect: from the three-class evaluation, null without such ground truth or a three-class model.
/// </summary>
public sealed record ClassApReport(
    [property: JsonPropertyName("with_mask")] double? WithMask,
    [property: JsonPropertyName("without_mask")] double? WithoutMask,
    [property: JsonPropertyName("mask_incorrect")] double? Incorrect = null);
