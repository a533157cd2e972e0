namespace CctvMask.Training.Detection;

/// <summary>What a detector run wrote.</summary>
public sealed record DetectorTrainingResult(DetectorTrainingReport Report, string ModelPath, string ReportJsonPath, string PlotPath, string CheckpointDir);
