namespace CctvMask.Training.Detection;

/// <summary>Progress of a detector run: a phase, the step within the epoch, the running loss; Completed when an epoch ends.</summary>
public sealed record DetectorTrainingProgress(string Phase, int Epoch, int Epochs, int Step, int Steps, double Loss, DetectorEpochMetrics? Completed = null);
