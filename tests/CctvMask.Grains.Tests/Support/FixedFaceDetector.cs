using CctvMask.Grains.Inference;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Tests.Support;

/// <summary>A model-free detector that "sees" one unmasked face at a fixed place in every frame.</summary>
internal sealed class FixedFaceDetector : IFaceBatchDetector
{
    private long _frames;

    public long Frames => Interlocked.Read(ref _frames);

    public void Detect(ReadOnlySpan<BgrFrame> frames, FacesDetectedCallback onFrame)
    {
        Interlocked.Add(ref _frames, frames.Length);
        for (int i = 0; i < frames.Length; i++)
            onFrame(i, [new DetectedFace(new BoxF(100, 80, 48, 48), 0.9f, default, FaceLabel.WithoutMask, 0.1f)]);
    }
}
