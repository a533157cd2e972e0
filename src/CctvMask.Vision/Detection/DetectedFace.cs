using CctvMask.Vision.Geometry;

namespace CctvMask.Vision.Detection;

/// <summary>
/// A detected and classified face in frame pixels. <see cref="MaskProbability"/> is p(with_mask);
/// NaN for faces too small to classify. <see cref="IncorrectProbability"/> is p(mask_incorrect), NaN when
/// the face was not classified or the classifier has no such class.
/// </summary>
public readonly record struct DetectedFace(BoxF Box, float Score, Landmarks Landmarks, FaceLabel Label, float MaskProbability,
    float IncorrectProbability = float.NaN);
