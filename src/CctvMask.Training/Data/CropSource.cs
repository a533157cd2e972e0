namespace CctvMask.Training.Data;

/// <summary>How a training image's face box was obtained.</summary>
public enum CropSource
{
    /// <summary>The phase-1 detector found the face in the image.</summary>
    Detected,

    /// <summary>Found only after padding the image (tight web crops leave the detector no context).</summary>
    DetectedPadded,

    /// <summary>No face found: the whole image is the face.</summary>
    WholeImage,

    /// <summary>A face of an annotated photo (a detection matched to the ground truth, else the ground-truth box).</summary>
    Annotated,
}
