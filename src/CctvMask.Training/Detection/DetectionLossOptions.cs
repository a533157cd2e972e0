using System.ComponentModel.DataAnnotations;

namespace CctvMask.Training.Detection;

/// <summary>
/// Label assignment and loss weights. The defaults follow YuNet's own training recipe (libfacedetection.train,
/// yunet_n config): SimOTA with centre radius 2.5, BCE for class and objectness, EIoU ×5 for boxes, landmarks
/// SmoothL1 ×0.1 — here against the published model's own landmarks (our boxes have none), so fine-tuning
/// does not wipe out the landmarks that face alignment downstream relies on.
/// </summary>
public sealed class DetectionLossOptions
{
    /// <summary>Candidate priors lie within this many strides of a face's centre (or inside its box).</summary>
    [Range(0.5, 10.0)] public double CenterRadius { get; set; } = 2.5;

    /// <summary>Dynamic k of a face = sum of its top-N candidate IoUs (at least 1).</summary>
    [Range(1, 100)] public int DynamicKCandidates { get; set; } = 10;

    /// <summary>Weight of the IoU term in the assignment cost.</summary>
    [Range(0.0, 100.0)] public double IouCostWeight { get; set; } = 3;

    [Range(0.0, 100.0)] public double ClassWeight { get; set; } = 1;
    [Range(0.0, 100.0)] public double ObjectnessWeight { get; set; } = 1;
    [Range(0.0, 100.0)] public double BoxWeight { get; set; } = 5;

    /// <summary>Landmark distillation towards the published model at positive priors (0 turns the teacher off).</summary>
    [Range(0.0, 100.0)] public double LandmarkWeight { get; set; } = 0.1;

    /// <summary>SmoothL1 beta of the landmark loss, in stride units.</summary>
    [Range(1e-4, 10.0)] public double LandmarkBeta { get; set; } = 1.0 / 9;

    /// <summary>Box size exponents (log units of the stride) are clamped here before exp, so a wild prediction cannot overflow.</summary>
    [Range(1.0, 20.0)] public double MaxLogSize { get; set; } = 8;
}
