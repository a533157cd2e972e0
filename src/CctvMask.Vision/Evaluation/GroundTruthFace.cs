using CctvMask.Vision.Geometry;

namespace CctvMask.Vision.Evaluation;

/// <summary>One annotated face.</summary>
public readonly record struct GroundTruthFace(BoxF Box, GroundTruthClass Class)
{
    /// <summary>True for with_mask / without_mask boxes (targets); false for ignore regions.</summary>
    public bool IsTarget => Class != GroundTruthClass.Incorrect;

    /// <summary>True when the box is a target in the three-class evaluation (every class is).</summary>
    public bool IsTargetOf(bool threeClass) => threeClass || IsTarget;

    /// <summary>Face size used for the recall-by-size bins: sqrt of the box area, in pixels.</summary>
    public float Size => MathF.Sqrt(Box.Area);
}
