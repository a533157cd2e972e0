using CctvMask.Training.Reporting;

namespace CctvMask.Training.Trainer;

/// <summary>What a run produced: the report and where the files are.</summary>
public sealed record TrainingResult(TrainingReport Report, string ModelPath, string CheckpointPath, string ReportJsonPath, string PlotPath);
