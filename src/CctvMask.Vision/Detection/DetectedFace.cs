using CctvMask.Vision.Geometry;

namespace CctvMask.Vision.Detection;

/// <summary>
/// A detected and classified face in frame pixels. <see cref="MaskProbability"/> is p(with_mask);
/// NaN for faces too small to classify.
/// </summary>
public readonly record struct DetectedFace(BoxF Box, float Score, Landmarks Landmarks, FaceLabel Label, float MaskProbability);
