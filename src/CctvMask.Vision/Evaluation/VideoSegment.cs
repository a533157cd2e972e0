namespace CctvMask.Vision.Evaluation;

/// <summary>A run of clip frames (inclusive) showing the same faces: one image's people.</summary>
/// <param name="FirstFrame">First frame of the run (0-based).</param>
/// <param name="LastFrame">Last frame of the run (inclusive).</param>
/// <param name="Faces">The faces every frame of the run shows.</param>
public sealed record VideoSegment(int FirstFrame, int LastFrame, IReadOnlyList<GroundTruthFace> Faces);
