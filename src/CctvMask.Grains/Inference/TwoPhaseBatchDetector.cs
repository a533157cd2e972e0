using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Inference;

/// <summary>The production detector of the batcher: Vision's thread-safe <see cref="TwoPhaseDetector"/>.</summary>
public sealed class TwoPhaseBatchDetector(TwoPhaseDetector detector) : IFaceBatchDetector
{
    /// <inheritdoc />
    public void Detect(ReadOnlySpan<BgrFrame> frames, FacesDetectedCallback onFrame)
    {
        // Phase 2 runs once over every face crop of the whole batch inside Detect.
        using var result = detector.Detect(frames);
        for (int i = 0; i < result.FrameCount; i++)
            onFrame(i, result.GetFaces(i));
    }
}
