using CctvMask.Server.Violations.Contracts;

namespace CctvMask.Server.Detect.Contracts;

/// <summary>
/// One face: box in image pixels, detector score, mask label ("with_mask", "without_mask", "mask_incorrect",
/// "unknown") and p(with_mask); p(mask_incorrect) when the classifier has that class.
/// </summary>
public sealed record DetectedFaceResponse(BoxResponse Box, float Score, string Label, float? MaskProbability,
    float? IncorrectProbability = null);
