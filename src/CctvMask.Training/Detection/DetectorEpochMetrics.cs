namespace CctvMask.Training.Detection;

/// <summary>One epoch of detector training (epoch 0 = the base model, validation only). Losses are per positive prior, weighted;
/// SkippedSteps counts optimizer steps dropped for a non-finite gradient.</summary>
public sealed record DetectorEpochMetrics(
    int Epoch, double Loss, double Objectness, double Class, double Box, double Landmarks,
    double PositivesPerImage, double ValidationAp50, double ValidationRecall, double Seconds, double LearningRate, int SkippedSteps = 0);
