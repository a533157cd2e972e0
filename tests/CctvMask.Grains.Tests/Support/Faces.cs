using CctvMask.Vision.Detection;
using CctvMask.Vision.Geometry;

namespace CctvMask.Grains.Tests.Support;

/// <summary>Builds detections for tests.</summary>
internal static class Faces
{
    public static DetectedFace At(float x, float y, float size = 40, FaceLabel label = FaceLabel.WithMask, float score = 0.9f) =>
        new(new BoxF(x, y, size, size), score, default, label,
            label switch { FaceLabel.WithMask => 0.95f, FaceLabel.WithoutMask => 0.05f, FaceLabel.Incorrect => 0.1f, _ => float.NaN },
            label == FaceLabel.Incorrect ? 0.85f : float.NaN);
}
