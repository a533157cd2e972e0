using CctvMask.Vision.Evaluation;
using CctvMask.Vision.Geometry;

namespace CctvMask.Training.Detection;

/// <summary>
/// One annotated photo for the detector. Every VOC box is a face to train on (all three mask classes); the classes
/// are kept for validation, where mask_weared_incorrect boxes are ignore regions exactly as in <c>cctvmask eval</c>.
/// </summary>
public sealed record DetectorPhoto(string ImagePath, IReadOnlyList<GroundTruthFace> GroundTruth)
{
    /// <summary>The face boxes (photo pixels).</summary>
    public IReadOnlyList<BoxF> Faces { get; } = [.. GroundTruth.Select(g => g.Box)];
}
