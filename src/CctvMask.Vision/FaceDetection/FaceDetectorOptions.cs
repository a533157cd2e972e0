using System.ComponentModel.DataAnnotations;

namespace CctvMask.Vision.FaceDetection;

/// <summary>Options of the YuNet face detector (phase 1).</summary>
public sealed class FaceDetectorOptions
{
    /// <summary>Path of the YuNet ONNX model (fixed 640×640 or dynamic).</summary>
    [Required]
    public string ModelPath { get; set; } = "";

    /// <summary>How frames are scaled before detection.</summary>
    public InputSizePolicy InputSizePolicy { get; set; } = InputSizePolicy.AtLeastLongSide;

    /// <summary>Target longer side for <see cref="InputSizePolicy.LongSide"/> / <see cref="InputSizePolicy.AtLeastLongSide"/>.</summary>
    [Range(32, 4096)]
    public int LongSide { get; set; } = 640;

    /// <summary>
    /// Small-face pass: when &gt; 0, frames whose first-pass input is smaller also run at this longer side, and
    /// the faces it finds below <see cref="ZoomMaxFaceSize"/> join the first pass's before NMS. YuNet's
    /// smallest anchor (stride 8) misses faces under ~10 input pixels; zooming finds them at ~4× the cost.
    /// </summary>
    [Range(0, 4096)]
    public int ZoomLongSide { get; set; }

    /// <summary>Faces from the small-face pass are kept only below this size (sqrt of box area, frame pixels).</summary>
    [Range(1, 4096)]
    public float ZoomMaxFaceSize { get; set; } = 32;

    /// <summary>Minimum face score sqrt(cls·obj).</summary>
    [Range(0.0, 1.0)]
    public float ScoreThreshold { get; set; } = 0.5f;

    /// <summary>IoU above which the lower-scored of two faces is suppressed.</summary>
    [Range(0.0, 1.0)]
    public float NmsThreshold { get; set; } = 0.45f;

    /// <summary>Candidates kept (by score) before NMS.</summary>
    [Range(1, 100_000)]
    public int TopK { get; set; } = 5000;

    /// <summary>Frames of equal input size run together in one inference (dynamic model only).</summary>
    [Range(1, 64)]
    public int MaxBatch { get; set; } = 8;

    /// <summary>Faces kept per frame at most (highest scores first).</summary>
    [Range(1, 10_000)]
    public int MaxFacesPerFrame { get; set; } = 512;

    /// <summary>A copy to vary one setting without touching these options (they may be shared).</summary>
    public FaceDetectorOptions Copy() => (FaceDetectorOptions)MemberwiseClone();
}
