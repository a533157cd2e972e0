namespace CctvMask.Training.Trainer;

/// <summary>Progress of a run: a phase message, or a step within an epoch with running loss and accuracy.</summary>
public sealed record TrainingProgress(string Phase, int Epoch, int Epochs, int Step, int Steps, double Loss, double Accuracy,
    EpochMetrics? Completed = null);
