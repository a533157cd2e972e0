namespace CctvMask.Vision.Detection;

/// <summary>
/// Phase-2 verdict for a face. String names: "with_mask", "without_mask", "unknown", "mask_incorrect".
/// Values are appended, never reordered (stored and sent as numbers in places).
/// </summary>
public enum FaceLabel
{
    /// <summary>"with_mask".</summary>
    WithMask,

    /// <summary>"without_mask".</summary>
    WithoutMask,

    /// <summary>"unknown": too small to judge, or the classifier was not confident enough.</summary>
    Unknown,

    /// <summary>"mask_incorrect": a mask worn below the nose or on the chin (three-class classifiers only).</summary>
    Incorrect,
}
