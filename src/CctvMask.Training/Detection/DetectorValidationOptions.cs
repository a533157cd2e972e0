using System.ComponentModel.DataAnnotations;

namespace CctvMask.Training.Detection;

/// <summary>
/// How each epoch's model is validated: exported to ONNX and run through Vision's own detector with the
/// settings <c>cctvmask eval</c> uses (long side ≥ 640, small-face pass at 960, candidate score 0.02), face AP50.
/// </summary>
public sealed class DetectorValidationOptions
{
    [Range(32, 4096)] public int LongSide { get; set; } = 640;

    /// <summary>Small-face pass long side (0 = off).</summary>
    [Range(0, 4096)] public int ZoomLongSide { get; set; } = 960;

    [Range(0.0, 1.0)] public float ScoreThreshold { get; set; } = 0.02f;

    [Range(0.05, 0.95)] public float IouThreshold { get; set; } = 0.5f;
}
