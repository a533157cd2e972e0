namespace CctvMask.Vision.FaceDetection;

/// <summary>How a frame is scaled before it is fed to the face detector.</summary>
public enum InputSizePolicy
{
    /// <summary>Native resolution (dynamic model: padded to multiples of 32).</summary>
    Native,

    /// <summary>Scaled (up or down) so the longer side equals <see cref="FaceDetectorOptions.LongSide"/>.</summary>
    LongSide,

    /// <summary>Letterboxed into 640×640 (top-left, zero padding), as the fixed model expects.</summary>
    Fixed640,

    /// <summary>
    /// Scaled up to <see cref="FaceDetectorOptions.LongSide"/> when the frame is smaller, native otherwise:
    /// upscaling recovers tiny faces in small frames, and large frames keep their detail.
    /// </summary>
    AtLeastLongSide,
}
