using CctvMask.Vision.Geometry;

namespace CctvMask.Vision.FaceDetection;

/// <summary>A face found by the detector (phase 1), in frame pixels.</summary>
public readonly record struct RawFace(BoxF Box, float Score, Landmarks Landmarks);
