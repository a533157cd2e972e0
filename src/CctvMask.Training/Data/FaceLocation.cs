using CctvMask.Vision.Geometry;

namespace CctvMask.Training.Data;

/// <summary>Where the face is in an image (cached by content hash so detection runs once).</summary>
public sealed record FaceLocation(BoxF Box, CropSource Source);
