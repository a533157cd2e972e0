using CctvMask.Server.Violations.Contracts;

namespace CctvMask.Server.Detect.Contracts;

/// <summary>One face: box in image pixels, detector score, mask label and p(with_mask).</summary>
public sealed record DetectedFaceResponse(BoxResponse Box, float Score, string Label, float? MaskProbability);
