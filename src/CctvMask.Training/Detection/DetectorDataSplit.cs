namespace CctvMask.Training.Detection;

/// <summary>The photos a detector run trains and validates on, and how many held-out photos were left alone.</summary>
public sealed record DetectorDataSplit(
    IReadOnlyList<DetectorPhoto> Train, IReadOnlyList<DetectorPhoto> Validation, int HeldOutSkipped, int UnreadableAnnotations)
{
    public int TrainFaces => Train.Sum(p => p.Faces.Count);
    public int ValidationFaces => Validation.Sum(p => p.Faces.Count);
}
