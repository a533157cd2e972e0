using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Inference;

/// <summary>Receives the faces of one frame of a batch; the span is only valid during the call.</summary>
public delegate void FacesDetectedCallback(int frameIndex, ReadOnlySpan<DetectedFace> faces);

/// <summary>
/// What the batcher runs on a batch: the two-phase detector in production
/// (<see cref="TwoPhaseBatchDetector"/>), a fake in unit tests.
/// </summary>
public interface IFaceBatchDetector
{
    /// <summary>Detects faces in every frame and calls <paramref name="onFrame"/> once per frame index before returning.</summary>
    void Detect(ReadOnlySpan<BgrFrame> frames, FacesDetectedCallback onFrame);
}
