using CctvMask.Vision.Geometry;

namespace CctvMask.Training.Data;

/// <summary>A phase-1 detection: box, score and the five landmarks.</summary>
public readonly record struct FoundFace(BoxF Box, float Score, Landmarks Landmarks);
