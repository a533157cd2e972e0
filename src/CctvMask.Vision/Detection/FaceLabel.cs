namespace CctvMask.Vision.Detection;

/// <summary>Phase-2 verdict for a face. String names: "with_mask", "without_mask", "unknown".</summary>
public enum FaceLabel
{
    /// <summary>"with_mask".</summary>
    WithMask,

    /// <summary>"without_mask".</summary>
    WithoutMask,

    /// <summary>"unknown": too small to judge, or the classifier was not confident enough.</summary>
    Unknown,
}
