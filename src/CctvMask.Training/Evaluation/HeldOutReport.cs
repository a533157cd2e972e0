using CctvMask.Training.Metrics;

namespace CctvMask.Training.Evaluation;

/// <summary>
/// The classifier on held-out annotated photos: phase-1 detections matched to ground truth at IoU ≥ 0.5,
/// each crop classified by argmax (<see cref="All"/>), and restricted to faces the two-phase detector would
/// label (face ≥ MinFaceSize and top probability ≥ MinConfidence; <see cref="Labelled"/>).
/// </summary>
public sealed record HeldOutReport(
    int Photos,
    int GroundTruthFaces,
    int MatchedFaces,
    ClassificationReport All,
    ClassificationReport Labelled,
    int Unlabelled,
    IReadOnlyDictionary<string, ClassificationReport> BySize,
    float MinFaceSize,
    float MinConfidence);
