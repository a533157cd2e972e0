namespace CctvMask.Vision.Evaluation;

/// <summary>The ground truth and the detections of one image.</summary>
public sealed record EvaluatedImage(IReadOnlyList<GroundTruthFace> GroundTruth, IReadOnlyList<EvalDetection> Detections);
