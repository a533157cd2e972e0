namespace CctvMask.Vision.Evaluation;

/// <summary>
/// Result of one AP computation. <see cref="Ap"/> is a fraction (0..1), NaN when there is no
/// positive ground truth.
/// </summary>
public readonly record struct ApResult(double Ap, int Positives, int TruePositives, int FalsePositives, int Ignored);
