namespace CctvMask.Training.Trainer;

/// <summary>One epoch's training (augmented) and validation loss and accuracy.</summary>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double TrainAccuracy, double ValidationLoss,
    double ValidationAccuracy, double Seconds, double LearningRate);
