using System.Text.Json.Serialization;

namespace CctvMask.Vision.Evaluation;

/// <summary>
/// Everything <c>cctvmask eval</c> reports. AP, recall, precision and accuracy are percentages
/// (0–100); null when undefined (no ground truth for it).
/// </summary>
public sealed record EvaluationReport
{
    /// <summary>Images evaluated.</summary>
    [JsonPropertyName("images")] public int Images { get; init; }

    /// <summary>with_mask + without_mask boxes (targets).</summary>
    [JsonPropertyName("gt_faces")] public int GroundTruthFaces { get; init; }

    /// <summary>mask_weared_incorrect boxes (ignore regions).</summary>
    [JsonPropertyName("gt_ignored")] public int IgnoredFaces { get; init; }

    /// <summary>Class-agnostic face AP at IoU ≥ ApIou.</summary>
    [JsonPropertyName("face_ap50")] public double? FaceAp50 { get; init; }

    /// <summary>Mean of the with_mask / without_mask APs (incorrect boxes ignored; unchanged for comparability).</summary>
    [JsonPropertyName("map50")] public double? Map50 { get; init; }

    /// <summary>
    /// Mean of the three class APs of the three-class evaluation (mask_weared_incorrect boxes as a class);
    /// null for a two-class classifier or without such ground truth.
    /// </summary>
    [JsonPropertyName("map50_3")] public double? Map50Three { get; init; }

    /// <summary>Per-class AP.</summary>
    [JsonPropertyName("ap50")] public required ClassApReport Ap50 { get; init; }

    /// <summary>Share of matched target faces whose predicted label is right (unknown is wrong).</summary>
    [JsonPropertyName("mask_accuracy")] public double? MaskAccuracy { get; init; }

    /// <summary>Face recall at IoU ≥ ApIou, score ≥ OperatingScore.</summary>
    [JsonPropertyName("face_recall_iou50")] public double? FaceRecallIou50 { get; init; }

    /// <summary>Face recall at IoU ≥ LenientIou, score ≥ OperatingScore.</summary>
    [JsonPropertyName("face_recall_iou30")] public double? FaceRecallIou30 { get; init; }

    /// <summary>Face precision at IoU ≥ ApIou, score ≥ OperatingScore (ignore-region hits excluded).</summary>
    [JsonPropertyName("face_precision_iou50")] public double? FacePrecisionIou50 { get; init; }

    /// <summary>Recall at IoU ≥ LenientIou by face size (sqrt of box area, px).</summary>
    [JsonPropertyName("recall_by_size")] public required IReadOnlyDictionary<string, SizeRecall> RecallBySize { get; init; }

    /// <summary>Mean wall time per image (decode excluded, detection included), milliseconds.</summary>
    [JsonPropertyName("ms_per_image")] public double MsPerImage { get; init; }

    /// <summary>The classifier on matched faces.</summary>
    [JsonPropertyName("classifier")] public required ClassifierReport Classifier { get; init; }

    /// <summary>Detections at the operating point.</summary>
    [JsonPropertyName("detections")] public int Detections { get; init; }
}
