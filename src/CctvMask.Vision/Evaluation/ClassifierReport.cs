using System.Text.Json.Serialization;

namespace CctvMask.Vision.Evaluation;

/// <summary>
/// The classifier on matched faces (IoU ≥ ApIou, score ≥ OperatingScore): per-class recall (percent)
/// and the confusion matrix, ground truth → predicted label → count ("unknown" = not classified). The
/// mask_incorrect row counts matched ignore boxes; it is not part of the with/without figures.
/// </summary>
public sealed record ClassifierReport(
    [property: JsonPropertyName("matched_faces")] int MatchedFaces,
    [property: JsonPropertyName("with_mask_recall")] double? WithMaskRecall,
    [property: JsonPropertyName("without_mask_recall")] double? WithoutMaskRecall,
    [property: JsonPropertyName("unknown_share")] double? UnknownShare,
    [property: JsonPropertyName("confusion")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Confusion,
    [property: JsonPropertyName("mask_incorrect_recall")] double? IncorrectRecall = null);
