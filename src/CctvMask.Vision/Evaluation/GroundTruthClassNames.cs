using CctvMask.Vision.Detection;

namespace CctvMask.Vision.Evaluation;

/// <summary>The class names of <see cref="GroundTruthClass"/> values (the classifier's and the reports' names).</summary>
public static class GroundTruthClassNames
{
    /// <summary><c>with_mask</c>, <c>without_mask</c> or <c>mask_incorrect</c>.</summary>
    public static string ToName(this GroundTruthClass c) => c switch
    {
        GroundTruthClass.WithMask => FaceLabelNames.WithMask,
        GroundTruthClass.WithoutMask => FaceLabelNames.WithoutMask,
        _ => FaceLabelNames.Incorrect,
    };
}
