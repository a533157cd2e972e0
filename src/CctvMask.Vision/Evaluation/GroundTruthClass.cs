namespace CctvMask.Vision.Evaluation;

/// <summary>The classes of the PASCAL VOC ground truth used by <c>cctvmask eval</c>.</summary>
public enum GroundTruthClass
{
    /// <summary><c>with_mask</c>: a target box.</summary>
    WithMask,

    /// <summary><c>without_mask</c>: a target box.</summary>
    WithoutMask,

    /// <summary><c>mask_weared_incorrect</c>: an ignore region (neither TP nor FP, not counted for recall).</summary>
    Incorrect,
}
