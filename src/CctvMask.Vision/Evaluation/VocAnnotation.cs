namespace CctvMask.Vision.Evaluation;

/// <summary>A parsed PASCAL VOC annotation file.</summary>
public sealed record VocAnnotation(string FileName, int Width, int Height, IReadOnlyList<GroundTruthFace> Faces);
