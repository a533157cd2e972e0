using System.ComponentModel.DataAnnotations;

namespace CctvMask.Vision.MaskClassification;

/// <summary>Options of the mask classifier (phase 2).</summary>
public sealed class MaskClassifierOptions
{
    /// <summary>Path of the classifier ONNX model (input [N,3,S,S], output probabilities [N,C], cctvmask.* metadata).</summary>
    [Required]
    public string ModelPath { get; set; } = "";

    /// <summary>Crops run together in one inference at most; larger requests are split.</summary>
    [Range(1, 4096)]
    public int MaxBatch { get; set; } = 256;
}
