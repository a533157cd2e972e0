using System.ComponentModel.DataAnnotations;

namespace CctvMask.Vision.Evaluation;

/// <summary>Thresholds of <c>cctvmask eval</c>.</summary>
public sealed class EvaluationOptions
{
    /// <summary>IoU for AP, mask accuracy and the first recall figure.</summary>
    [Range(0.05, 0.95)]
    public float ApIou { get; set; } = 0.5f;

    /// <summary>IoU of the lenient recall figure (and of recall by size).</summary>
    [Range(0.05, 0.95)]
    public float LenientIou { get; set; } = 0.3f;

    /// <summary>Face score of the operating point for recall, precision and mask accuracy.</summary>
    [Range(0.0, 1.0)]
    public float OperatingScore { get; set; } = 0.5f;

    /// <summary>Upper edges (sqrt of box area, pixels) of the face-size bins; one more bin above the last.</summary>
    [MinLength(1)]
    public float[] SizeBinEdges { get; set; } = [16f, 32f, 64f];
}
