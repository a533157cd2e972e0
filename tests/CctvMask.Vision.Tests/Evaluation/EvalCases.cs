using CctvMask.Vision.Evaluation;
using CctvMask.Vision.Geometry;

namespace CctvMask.Vision.Tests.Evaluation;

/// <summary>Builders for small hand-made evaluation cases.</summary>
internal static class EvalCases
{
    public static GroundTruthFace Gt(float x, float y, float size, GroundTruthClass cls = GroundTruthClass.WithMask) =>
        new(new BoxF(x, y, size, size), cls);

    /// <summary>A detection on exactly the same box (IoU 1).</summary>
    public static EvalDetection On(GroundTruthFace gt, float score, float pWith = 0.9f) =>
        new(gt.Box, score, pWith, pWith >= 0.5f ? GroundTruthClass.WithMask : GroundTruthClass.WithoutMask);

    /// <summary>A detection far away from everything (a false positive).</summary>
    public static EvalDetection Nowhere(float score, float pWith = 0.9f) =>
        new(new BoxF(5000, 5000, 20, 20), score, pWith, GroundTruthClass.WithMask);

    public static EvaluatedImage Image(GroundTruthFace[] gt, params EvalDetection[] detections) => new(gt, detections);
}
