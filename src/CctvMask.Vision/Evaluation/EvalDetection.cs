using CctvMask.Vision.Geometry;

namespace CctvMask.Vision.Evaluation;

/// <summary>
/// One detection as the evaluator sees it: box, face score, p(with_mask) (NaN when the face was not
/// classified), the predicted label (null = unknown) and p(mask_incorrect) (NaN for a two-class classifier).
/// </summary>
public readonly record struct EvalDetection(BoxF Box, float Score, float WithMaskProbability, GroundTruthClass? PredictedClass,
    float IncorrectProbability = float.NaN)
{
    /// <summary>
    /// p(class) for the three-class AP (<c>map50_3</c>): p(with_mask), p(without_mask) = 1 − p(with) − p(incorrect),
    /// p(mask_incorrect). An unclassified face counts as 1/3 for each class; a two-class detection as p(incorrect) = 0.
    /// </summary>
    public float ThreeClassProbability(GroundTruthClass cls)
    {
        if (!float.IsFinite(WithMaskProbability)) return 1f / 3;
        float with = Math.Clamp(WithMaskProbability, 0f, 1f);
        float incorrect = float.IsFinite(IncorrectProbability) ? Math.Clamp(IncorrectProbability, 0f, 1f) : 0f;
        return cls switch
        {
            GroundTruthClass.WithMask => with,
            GroundTruthClass.WithoutMask => Math.Max(0f, 1f - with - incorrect),
            _ => incorrect,
        };
    }

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
