using CctvMask.Vision.Geometry;

namespace CctvMask.Vision.Evaluation;

/// <summary>
/// One detection as the evaluator sees it: box, face score, p(with_mask) (NaN when the face was not
/// classified) and the predicted label (null = unknown).
/// </summary>
public readonly record struct EvalDetection(BoxF Box, float Score, float WithMaskProbability, GroundTruthClass? PredictedClass)
{
    /// <summary>
    /// p(class) for the per-class AP: p(with_mask) or 1 − p(with_mask). An unclassified face
    /// (NaN) counts as 0.5 for both classes: it is a face, but either class is equally likely.
    /// </summary>
    public float ClassProbability(GroundTruthClass cls)
    {
        float p = float.IsFinite(WithMaskProbability) ? Math.Clamp(WithMaskProbability, 0f, 1f) : 0.5f;
        return cls switch
        {
            GroundTruthClass.WithMask => p,
            GroundTruthClass.WithoutMask => 1f - p,
            _ => throw new ArgumentOutOfRangeException(nameof(cls), cls, "Only with_mask / without_mask are scored classes."),
        };
    }
}
